package vn.thidua.awards.quota;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * How many collectives were voted to lead their clusters/blocks in a year in emulation clusters the province runs
 * outside this system, as the Board counted them: they belong to the denominator of the Government-flag quota
 * ("20 % of the collectives voted as cluster/block leaders", Official Letter 5007/BNV-TĐKT) beside the cluster-years
 * with a recorded leader here.
 */
@Entity
@Table(name = "leaders_outside")
public class LeadersOutside extends PanacheEntityBase {
    @Id
    public Integer year;

    @Column(nullable = false)
    public int count;

    @Column(nullable = false, length = 1000)
    public String note;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "entered_by", nullable = false, length = 100)
    public String enteredBy;

    @Column(name = "entered_at", nullable = false)
    public Instant enteredAt;

    /** The Board's count for the year, none when it entered nothing. */
    public static int of(int year) {
        LeadersOutside found = findById(year);
        return found == null ? 0 : found.count;
    }
}
