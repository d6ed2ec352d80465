package vn.thidua.scoring.registration;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The data of {@code vn.thidua.scoring.YearEndReported} (docs/events.md): what a unit's year-end
 * report says as a whole, after each change of it, so that awards can check the collective titles'
 * conditions without asking scoring-service. Field names are a contract with awards-service.
 *
 * @param memberStatistics null until the unit enters them
 * @param version          the registration's version after the change; consumers keep the highest
 */
public record YearEndReported(int year, String unitCode, long clusterId, List<Target> targets, Statistics memberStatistics,
                              long version) {

    /** @param attainment {@link RegistrationTarget#attainment} at year end, null while the target has no year-end result */
    public record Target(int position, String name, BigDecimal attainment) {
    }

    public record Statistics(int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                             int disciplinedWarningOrAbove, int women, boolean confirmed, String confirmedBy, Instant confirmedAt,
                             StatisticsSource source) {
    }

    static YearEndReported of(Registration registration) {
        MemberStatistics s = registration.memberStatistics();
        return new YearEndReported(registration.year, registration.unitCode, registration.clusterId,
                registration.targets.stream().map(t -> new Target(t.position, t.name, t.attainment(ReportKind.YEAREND))).toList(),
                s == null ? null : new Statistics(s.members(), s.completingTasks(), s.advancedLabour(), s.grassrootsFighters(),
                        s.disciplinedWarningOrAbove(), s.women(), registration.memberStatisticsConfirmed(),
                        registration.statisticsConfirmedBy, registration.statisticsConfirmedAt, registration.statisticsSource),
                registration.version);
    }
}
