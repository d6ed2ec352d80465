package vn.thidua.units.person;

import java.time.LocalDate;
import java.util.Collection;

/**
 * A unit's year-end member statistics counted from its people: the figures the Excellent and Advanced
 * Labour Collective conditions look at (share completing their tasks, holding "Lao động tiên tiến",
 * holding "Chiến sĩ thi đua cơ sở", disciplined at "cảnh cáo" or above) and the women's share. The
 * thresholds are awards-service's rule sets; this only counts. A member without a recorded result
 * counts as not completing: the unit sees the gap as {@code withoutResult} instead of a silent pass.
 */
public record MemberStatistics(int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                               int disciplinedWarningOrAbove, int women, int withoutResult) {

    public static final MemberStatistics NONE = new MemberStatistics(0, 0, 0, 0, 0, 0, 0);

    /** A member on the day counted, with the result of the year (null when none was recorded). */
    public record Member(Gender gender, PersonYear result) {
    }

    public static MemberStatistics count(Collection<Member> members) {
        int completing = 0;
        int advanced = 0;
        int fighters = 0;
        int disciplined = 0;
        int women = 0;
        int withoutResult = 0;
        for (Member member : members) {
            if (member.gender() == Gender.FEMALE) {
                women++;
            }
            PersonYear result = member.result();
            if (result == null) {
                withoutResult++;
                continue;
            }
            if (result.taskRating.completesTasks()) {
                completing++;
            }
            if (result.titles.contains(UnitLevelTitle.LAO_DONG_TIEN_TIEN)) {
                advanced++;
            }
            if (result.titles.contains(UnitLevelTitle.CHIEN_SI_THI_DUA_CO_SO)) {
                fighters++;
            }
            if (result.discipline.atLeast(Discipline.WARNING)) {
                disciplined++;
            }
        }
        return new MemberStatistics(members.size(), completing, advanced, fighters, disciplined, women, withoutResult);
    }

    /**
     * The day on which membership is counted: the last day of the year, or today while the year runs.
     * Who counts as "the collective's members" is not defined further by the law (docs/rules.md).
     */
    public static LocalDate countedOn(int year, LocalDate today) {
        LocalDate yearEnd = LocalDate.of(year, 12, 31);
        return today.isBefore(yearEnd) ? today : yearEnd;
    }
}
