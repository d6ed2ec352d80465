package vn.thidua.units.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Optional;

/** A unit (collective): an agency or organisation that takes part in emulation. */
@Entity
@Table(name = "unit")
public class Unit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, unique = true, length = UnitCode.MAX_LENGTH)
    public String code;

    @Column(nullable = false, length = UnitName.MAX_LENGTH)
    public String name;

    /** Optimistic lock, ETag and event version at once: it grows by one with every change. */
    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    protected Unit() {
    }

    static Unit register(UnitCode code, UnitName name, Instant now) {
        Unit unit = new Unit();
        unit.code = code.value();
        unit.name = name.value();
        unit.createdAt = now;
        unit.updatedAt = now;
        return unit;
    }

    static Optional<Unit> findByCode(UnitCode code) {
        return find("code", code.value()).firstResultOptional();
    }
}
