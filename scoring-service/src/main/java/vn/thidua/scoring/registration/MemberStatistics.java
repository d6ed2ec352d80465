package vn.thidua.scoring.registration;

import vn.thidua.platform.domain.Refusal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A collective's members at year end, as the Decree 152 conditions of the Excellent and Advanced
 * Labour Collective titles count them (all completed their tasks; at least 70 % hold "Lao động
 * tiên tiến"; one holds "Chiến sĩ thi đua cơ sở"; none disciplined at "cảnh cáo" or above) and as
 * its Art. 4(6) preference for collectives of mostly women needs them. The thresholds themselves
 * are data elsewhere (award rules, a criteria set's tie-break); this only holds and checks figures.
 */
public record MemberStatistics(int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                               int disciplinedWarningOrAbove, int women) {
    /** More members than any unit of a province has; keeps a typo of extra digits out. */
    public static final int MOST = 1_000_000;

    /**
     * The figures as a client sends them, each of which may be missing or out of range (long, so
     * that any whole number the JSON holds gets the same answer as 1,000,001 does).
     */
    public record Input(@Schema(required = true, minimum = "1", maximum = "1000000") Long members,
                        @Schema(required = true, minimum = "0", maximum = "1000000", description = "Not more than members.") Long completingTasks,
                        @Schema(required = true, minimum = "0", maximum = "1000000", description = "Not more than members.") Long advancedLabour,
                        @Schema(required = true, minimum = "0", maximum = "1000000", description = "Not more than members.") Long grassrootsFighters,
                        @Schema(required = true, minimum = "0", maximum = "1000000", description = "Not more than members.") Long disciplinedWarningOrAbove,
                        @Schema(required = true, minimum = "0", maximum = "1000000", description = "Not more than members.") Long women) {

        /** The figures, or 422 listing every bad one, so the officer fixes the form in one go. */
        public MemberStatistics validated() {
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("completingTasks", completingTasks);
            counts.put("advancedLabour", advancedLabour);
            counts.put("grassrootsFighters", grassrootsFighters);
            counts.put("disciplinedWarningOrAbove", disciplinedWarningOrAbove);
            counts.put("women", women);
            List<Refusal.Reason> problems = new ArrayList<>();
            boolean membersKnown = check("members", members, 1, problems);
            for (Map.Entry<String, Long> count : counts.entrySet()) {
                if (check(count.getKey(), count.getValue(), 0, problems) && membersKnown && count.getValue() > members) {
                    problems.add(new Refusal.Reason(count.getKey(), "registration.statistics.over-members", count.getValue(), members));
                }
            }
            if (!problems.isEmpty()) {
                throw Refusal.unprocessable("invalid-member-statistics", "registration.statistics.invalid", problems.size())
                        .because(problems);
            }
            return new MemberStatistics(members.intValue(), completingTasks.intValue(), advancedLabour.intValue(),
                    grassrootsFighters.intValue(), disciplinedWarningOrAbove.intValue(), women.intValue());
        }
    }

    /** Whether the figure is there and within [least, MOST]; adds the problem if not. */
    private static boolean check(String field, Long value, int least, List<Refusal.Reason> problems) {
        if (value == null) {
            problems.add(new Refusal.Reason(field, "registration.statistics.required"));
            return false;
        }
        if (value < least || value > MOST) {
            problems.add(new Refusal.Reason(field, "registration.statistics.range", value, least, MOST));
            return false;
        }
        return true;
    }

    /** The share of women, in percent with two decimals: for the reader, never for a decision (see {@link #womenReach}). */
    public BigDecimal womenSharePercent() {
        return BigDecimal.valueOf(women).movePointRight(2).divide(BigDecimal.valueOf(members), 2, RoundingMode.HALF_UP);
    }

    /**
     * Whether women are at least {@code thresholdPercent} % of the members, compared exactly
     * (women × 100 ≥ threshold × members): 69.995 % rounds to 70.00 % on screen but does not reach 70 %.
     */
    public boolean womenReach(BigDecimal thresholdPercent) {
        return womenReach(women, members, thresholdPercent);
    }

    /** The same rule for figures read in bulk (a ranking reads only these two of each unit). */
    public static boolean womenReach(int women, int members, BigDecimal thresholdPercent) {
        return BigDecimal.valueOf(women).movePointRight(2).compareTo(thresholdPercent.multiply(BigDecimal.valueOf(members))) >= 0;
    }
}
