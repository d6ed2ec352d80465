package vn.thidua.units.person;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The member statistics counted from people against counts made by hand. */
class MemberStatisticsTest {

    static MemberStatistics.Member member(Gender gender, TaskRating rating, Discipline discipline, UnitLevelTitle... titles) {
        if (rating == null) {
            return new MemberStatistics.Member(gender, null);
        }
        PersonYear result = PersonYear.of(null, 2025);
        result.taskRating = rating;
        result.discipline = discipline;
        result.titles = new ArrayList<>(List.of(titles));
        return new MemberStatistics.Member(gender, result);
    }

    @Test
    void countsAsAnOfficerCountsOnPaper() {
        // twelve members: one did not complete the tasks, one has no result yet; 8 advanced labour, 2 fighters;
        // a reprimand and a warning (only the warning counts); 7 women
        List<MemberStatistics.Member> members = new ArrayList<>();
        UnitLevelTitle ldtt = UnitLevelTitle.LAO_DONG_TIEN_TIEN;
        UnitLevelTitle cstdcs = UnitLevelTitle.CHIEN_SI_THI_DUA_CO_SO;
        members.add(member(Gender.FEMALE, TaskRating.EXCELLENT, Discipline.NONE, ldtt, cstdcs));
        members.add(member(Gender.FEMALE, TaskRating.EXCELLENT, Discipline.NONE, ldtt, cstdcs));
        members.add(member(Gender.FEMALE, TaskRating.GOOD, Discipline.NONE, ldtt));
        members.add(member(Gender.FEMALE, TaskRating.GOOD, Discipline.NONE, ldtt));
        members.add(member(Gender.FEMALE, TaskRating.GOOD, Discipline.REPRIMAND, ldtt));
        members.add(member(Gender.FEMALE, TaskRating.GOOD, Discipline.NONE, ldtt));
        members.add(member(Gender.FEMALE, TaskRating.COMPLETED, Discipline.NONE));
        members.add(member(Gender.MALE, TaskRating.GOOD, Discipline.NONE, ldtt));
        members.add(member(Gender.MALE, TaskRating.GOOD, Discipline.NONE, ldtt));
        members.add(member(Gender.MALE, TaskRating.COMPLETED, Discipline.WARNING));
        members.add(member(Gender.MALE, TaskRating.NOT_COMPLETED, Discipline.NONE));
        members.add(member(Gender.MALE, null, null));

        assertEquals(new MemberStatistics(12, 10, 8, 2, 1, 7, 1), MemberStatistics.count(members));
        assertEquals(MemberStatistics.NONE, MemberStatistics.count(List.of()));
    }

    @Test
    void membershipIsCountedOnTheLastDayOfTheYearOrTodayWhileItRuns() {
        assertEquals(LocalDate.of(2025, 12, 31), MemberStatistics.countedOn(2025, LocalDate.of(2026, 1, 10)));
        assertEquals(LocalDate.of(2026, 12, 8), MemberStatistics.countedOn(2026, LocalDate.of(2026, 12, 8)));
    }

    @Test
    void disciplineComparesBySeverity() {
        assertEquals(true, Discipline.DEMOTION.atLeast(Discipline.WARNING));
        assertEquals(false, Discipline.REPRIMAND.atLeast(Discipline.WARNING));
    }
}
