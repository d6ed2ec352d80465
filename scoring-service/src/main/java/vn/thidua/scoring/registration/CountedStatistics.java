package vn.thidua.scoring.registration;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The latest member statistics units-service counted for a unit and year from its people. */
@Entity
@Table(name = "counted_member_statistics")
@IdClass(CountedStatistics.Key.class)
public class CountedStatistics extends PanacheEntityBase {
    public record Key(String unitCode, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    /** The data of {@code vn.thidua.units.MemberStatisticsComputed} (docs/events.md); unknown fields are ignored. */
    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    public record Announced(String unitCode, int year, int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                            int disciplinedWarningOrAbove, int women, int withoutResult, long version) {
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
    public long version;
    @Column(name = "received_at")
    public Instant receivedAt;

    static CountedStatistics find(String unitCode, int year) {
        return findById(new Key(unitCode, year));
    }

    /** Whether people are registered for it: with none, the unit's declared figures stand. */
    boolean countsPeople() {
        return members > 0;
    }

    MemberStatistics statistics() {
        return new MemberStatistics(members, completingTasks, advancedLabour, grassrootsFighters, disciplinedWarningOrAbove, women);
    }

    void take(Announced a, Instant now) {
        unitCode = a.unitCode();
        year = a.year();
        members = a.members();
        completingTasks = a.completingTasks();
        advancedLabour = a.advancedLabour();
        grassrootsFighters = a.grassrootsFighters();
        disciplinedWarningOrAbove = a.disciplinedWarningOrAbove();
        women = a.women();
        withoutResult = a.withoutResult();
        version = a.version();
        receivedAt = now;
    }
}
