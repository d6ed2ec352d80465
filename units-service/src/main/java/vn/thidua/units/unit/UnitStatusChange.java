package vn.thidua.units.unit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One entry of a unit's status history; entries are added, never changed. */
@Entity
@Table(name = "unit_status_change")
public class UnitStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, length = UnitCode.MAX_LENGTH)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public UnitStatus status;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "merged_into_code", length = UnitCode.MAX_LENGTH)
    public String mergedIntoCode;

    @Column(length = 1000)
    public String reason;

    @Column(name = "changed_by", nullable = false, length = 100)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    static UnitStatusChange of(Unit unit, String reason, String changedBy, Instant now) {
        UnitStatusChange change = new UnitStatusChange();
        change.unitCode = unit.code;
        change.status = unit.status;
        change.effectiveFrom = unit.statusEffectiveFrom;
        change.mergedIntoCode = unit.mergedIntoCode;
        change.reason = reason;
        change.changedBy = changedBy;
        change.changedAt = now;
        return change;
    }

    static List<UnitStatusChange> historyOf(String unitCode) {
        return list("unitCode = ?1 order by id", unitCode);
    }
}
