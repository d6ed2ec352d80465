package vn.thidua.units.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.units.unit.Unit;
import vn.thidua.units.unit.UnitCode;
import vn.thidua.units.unit.UnitService;

/** The unit registry as the cluster rules see it, through {@link UnitService}'s public API only. */
@ApplicationScoped
public class RegistryUnits implements UnitDirectory {
    private final UnitService units;

    public RegistryUnits(UnitService units) {
        this.units = units;
    }

    @Override
    public Optional<MemberUnit> find(String unitCode) {
        try {
            Unit unit = units.get(UnitCode.parse(unitCode));
            return Optional.of(new MemberUnit(unit.code, unit.name, unit.isActive(),
                    unit.status == null ? null : unit.status.name()));
        } catch (Refusal notFound) {
            if (notFound.nature() == Refusal.Nature.NOT_FOUND) {
                return Optional.empty();
            }
            throw notFound;
        }
    }
}
