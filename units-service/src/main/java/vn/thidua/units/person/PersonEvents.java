package vn.thidua.units.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What units-service tells the others about people (docs/events.md). People go on their own topic,
 * {@value #PEOPLE_TOPIC}, which only awards-service reads, and carry only what awards need (no gender,
 * year of birth or personnel code). A unit's member statistics, which name nobody, go on
 * {@value #STATISTICS_TOPIC} for scoring-service. Each event carries its subject's whole state and version.
 */
public final class PersonEvents {
    public static final String PEOPLE_TOPIC = "thidua.people.v1";
    public static final String STATISTICS_TOPIC = "thidua.member-statistics.v1";
    public static final String SOURCE = "/thidua/units-service";
    public static final String PERSON_RECORDED = "vn.thidua.units.PersonRecorded";
    public static final String PERSON_YEAR_RECORDED = "vn.thidua.units.PersonYearRecorded";
    public static final String INITIATIVE_RECORDED = "vn.thidua.units.InitiativeRecorded";
    public static final String MEMBER_STATISTICS_COMPUTED = "vn.thidua.units.MemberStatisticsComputed";

    public record MembershipState(String unitCode, String position, LocalDate joinedOn, LocalDate leftOn) {
    }

    public record PersonState(UUID id, String fullName, String unitCode, String position, PersonStatus status,
                              List<MembershipState> memberships, long version) {
        static PersonState of(Person person) {
            PersonMembership latest = person.latest().orElse(null);
            return new PersonState(person.id, person.fullName, latest == null ? null : latest.unitCode, latest == null ? null : latest.position,
                    person.status(), person.memberships().stream()
                    .map(m -> new MembershipState(m.unitCode, m.position, m.joinedOn, m.leftOn)).toList(), person.version);
        }
    }

    public record PersonYearState(UUID personId, int year, String unitCode, TaskRating taskRating, List<UnitLevelTitle> titles,
                                  Discipline discipline, long version) {
        static PersonYearState of(PersonYear result) {
            return new PersonYearState(result.personId, result.year, result.unitCode, result.taskRating, List.copyOf(result.titles),
                    result.discipline, result.version);
        }
    }

    public record MemberStatisticsState(String unitCode, int year, int members, int completingTasks, int advancedLabour,
                                        int grassrootsFighters, int disciplinedWarningOrAbove, int women, int withoutResult, long version) {
    }

    private PersonEvents() {
    }
}
