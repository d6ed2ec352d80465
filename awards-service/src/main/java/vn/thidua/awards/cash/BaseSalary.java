package vn.thidua.awards.cash;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** The base salary (mức lương cơ sở) from a day until the next row's day, with the text that set it. */
@Entity
@Table(name = "base_salary")
public class BaseSalary extends PanacheEntityBase {

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    /** VND a month. */
    @Column(nullable = false)
    public long amount;

    @Column(name = "legal_basis", nullable = false, length = 500)
    public String legalBasis;

    /** Confidence in the source: V, V2, M or ?; null when not stated. */
    @Column(length = 3)
    public String tag;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
