package vn.thidua.scoring.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A unit's emulation registration (đăng ký thi đua) for one year: its targets and the titles it aims for. */
@Entity
@Table(name = "registration")
public class Registration extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public int year;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "cluster_id", nullable = false)
    public long clusterId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> titles = new ArrayList<>();

    @OneToMany(mappedBy = "registration", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<RegistrationTarget> targets = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    // the year-end member statistics, all six or none (see memberStatistics())
    public Integer members;

    @Column(name = "completing_tasks")
    public Integer completingTasks;

    @Column(name = "advanced_labour")
    public Integer advancedLabour;

    @Column(name = "grassroots_fighters")
    public Integer grassrootsFighters;

    @Column(name = "disciplined_warning_or_above")
    public Integer disciplinedWarningOrAbove;

    public Integer women;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "statistics_source", nullable = false, length = 10)
    public StatisticsSource statisticsSource = StatisticsSource.DECLARED;

    /** Who of the Board confirmed the statistics, and when; null until confirmed and again once they change. */
    @Column(name = "statistics_confirmed_by", length = 100)
    public String statisticsConfirmedBy;

    @Column(name = "statistics_confirmed_at")
    public Instant statisticsConfirmedAt;

    /** The year-end member statistics, null until the unit enters them. */
    public MemberStatistics memberStatistics() {
        return members == null ? null
                : new MemberStatistics(members, completingTasks, advancedLabour, grassrootsFighters, disciplinedWarningOrAbove, women);
    }

    /** Takes new figures; the Board's confirmation was of the old ones, so it goes. */
    void memberStatistics(MemberStatistics statistics) {
        memberStatistics(statistics, StatisticsSource.DECLARED);
    }

    /** Sets the statistics (null: none) and where they come from; new figures need the Board's confirmation again. */
    void memberStatistics(MemberStatistics statistics, StatisticsSource source) {
        statisticsSource = source;
        if (statistics == null) {
            members = null;
            completingTasks = null;
            advancedLabour = null;
            grassrootsFighters = null;
            disciplinedWarningOrAbove = null;
            women = null;
            statisticsConfirmedBy = null;
            statisticsConfirmedAt = null;
            return;
        }
        members = statistics.members();
        completingTasks = statistics.completingTasks();
        advancedLabour = statistics.advancedLabour();
        grassrootsFighters = statistics.grassrootsFighters();
        disciplinedWarningOrAbove = statistics.disciplinedWarningOrAbove();
        women = statistics.women();
        statisticsConfirmedBy = null;
        statisticsConfirmedAt = null;
    }

    public boolean memberStatisticsConfirmed() {
        return statisticsConfirmedAt != null;
    }

    static Registration find(int year, String unitCode) {
        return find("year = ?1 and unitCode = ?2", year, unitCode).firstResult();
    }
}
