package vn.thidua.awards.calendar;

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
import java.time.MonthDay;

/**
 * A time limit of the procedure, in force for a period, with the text that sets it: never edited once
 * written, but for its end, set once when the next text applies ({@link ProcedureLimitService#end}).
 */
@Entity
@Table(name = "procedure_limit")
public class ProcedureLimit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 40)
    public String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public LimitKind kind;

    /** {@code MM-dd} for {@link LimitKind#DAY_OF_YEAR}, a whole number for {@link LimitKind#WORKING_DAYS}. */
    @Column(nullable = false, length = 10)
    public String value;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Column(nullable = false, length = 500)
    public String citation;

    @Column(nullable = false, length = 3)
    public String tag;

    /** Counted by hand (0 when created, 1 once ended): the If-Match of {@link ProcedureLimitService#end}. */
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "ended_by", length = 100)
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason", length = 2000)
    public String endReason;

    public boolean inForceOn(LocalDate day) {
        return !day.isBefore(effectiveFrom) && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    public boolean overlaps(LocalDate from, LocalDate to) {
        LocalDate thisEnd = effectiveTo == null ? LocalDate.MAX : effectiveTo;
        LocalDate otherEnd = to == null ? LocalDate.MAX : to;
        return !effectiveFrom.isAfter(otherEnd) && !from.isAfter(thisEnd);
    }

    /** The count of a {@link LimitKind#WORKING_DAYS} limit. */
    public int workingDays() {
        return Integer.parseInt(value);
    }

    /** The day of a {@link LimitKind#DAY_OF_YEAR} limit. */
    public MonthDay dayOfYear() {
        return MonthDay.parse("--" + value);
    }
}
