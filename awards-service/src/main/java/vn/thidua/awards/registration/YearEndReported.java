package vn.thidua.awards.registration;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** Our tolerant copy of scoring-service's {@code vn.thidua.scoring.YearEndReported} (docs/events.md). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record YearEndReported(int year, String unitCode, Long clusterId, List<Target> targets, MemberStatistics memberStatistics,
                              long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Target(int position, String name, BigDecimal attainment) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MemberStatistics(int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                                   int disciplinedWarningOrAbove, int women, boolean confirmed, String confirmedBy, Instant confirmedAt) {
    }
}
