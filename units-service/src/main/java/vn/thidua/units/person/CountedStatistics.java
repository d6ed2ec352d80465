package vn.thidua.units.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The member statistics last announced for a unit and year, with their version: what a new count is compared with. */
@Entity
@Table(name = "member_statistics_version")
@IdClass(CountedStatistics.Key.class)
public class CountedStatistics extends PanacheEntityBase {
    public record Key(String unitCode, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "unit_code")
    public String unitCode;

    @Id
    public int year;

    public int members;
    @Column(name = "completing_tasks")
    public int completingTasks;
    @Column(name = "advanced_labour")
    public int advancedLabour;
    @Column(name = "grassroots_fighters")
    public int grassrootsFighters;
    @Column(name = "disciplined_warning_or_above")
    public int disciplinedWarningOrAbove;
    public int women;
    @Column(name = "without_result")
    public int withoutResult;

    /** Not JPA's @Version: this one counts announcements, not writes. */
    public long version;

    MemberStatistics statistics() {
        return new MemberStatistics(members, completingTasks, advancedLabour, grassrootsFighters, disciplinedWarningOrAbove, women, withoutResult);
    }

    void take(MemberStatistics s) {
        members = s.members();
        completingTasks = s.completingTasks();
        advancedLabour = s.advancedLabour();
        grassrootsFighters = s.grassrootsFighters();
        disciplinedWarningOrAbove = s.disciplinedWarningOrAbove();
        women = s.women();
        withoutResult = s.withoutResult();
    }
}
