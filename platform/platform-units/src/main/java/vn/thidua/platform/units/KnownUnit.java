package vn.thidua.platform.units;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A unit as a service that keeps this read model knows it: its own copy, rebuilt from units-service's events and never
 * read from units-service directly. {@code version} is the producer's, so older news is ignored.
 */
@Entity
@Table(name = "known_unit")
public class KnownUnit extends PanacheEntityBase {

    @Id
    @Column(length = 35)
    public String code;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The names this service knows for these codes; unknown codes are left out. */
    public static Map<String, String> namesOf(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return KnownUnit.<KnownUnit>list("code in ?1", codes).stream()
                .collect(Collectors.toMap(unit -> unit.code, unit -> unit.name));
    }

    /** Takes the state an event carries, unless this copy is already as new or newer. */
    static void apply(UnitState state, Instant now) {
        KnownUnit unit = findById(state.code());
        if (unit == null) {
            unit = new KnownUnit();
            unit.code = state.code();
        } else if (unit.version >= state.version()) {
            return;
        }
        unit.name = state.name();
        unit.version = state.version();
        unit.updatedAt = now;
        unit.persist();
    }
}
