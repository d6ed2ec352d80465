package vn.thidua.units.unit;

import java.time.LocalDate;

/**
 * What units-service tells the others about units, on topic {@value #TOPIC}. Each event carries
 * the unit's whole current state and its version, so a consumer can rebuild its read model from
 * the topic alone and ignore anything older than what it holds. Documented in docs/events.md.
 */
public final class UnitEvents {
    public static final String TOPIC = "thidua.units.v1";
    public static final String SOURCE = "/thidua/units-service";
    public static final String UNIT_REGISTERED = "vn.thidua.units.UnitRegistered";
    public static final String UNIT_UPDATED = "vn.thidua.units.UnitUpdated";
    public static final String UNIT_STATUS_CHANGED = "vn.thidua.units.UnitStatusChanged";

    /** The data of every unit event: the unit as it now is (without contact, which is personal data). */
    public record UnitState(String code, String name, String shortName, UnitKind kind, String parentCode,
                            String administrativeAreaCode, UnitStatus status, LocalDate statusEffectiveFrom,
                            String mergedIntoCode, long version) {
        static UnitState of(Unit unit) {
            return new UnitState(unit.code, unit.name, unit.shortName, unit.kind, unit.parentCode, unit.administrativeAreaCode,
                    unit.status, unit.statusEffectiveFrom, unit.mergedIntoCode, unit.version);
        }
    }

    private UnitEvents() {
    }
}
