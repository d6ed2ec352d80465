package vn.thidua.awards.proposal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.catalogue.RuleSetDefinition.EligibilityKind;
import vn.thidua.awards.catalogue.RuleSetDefinition.EligibilityRule;

/**
 * Checks a proposal against every eligibility rule of its rule set and says, rule by rule, whether
 * it passes and why (domain.md §1, §4). Plain Java over {@link Facts} gathered by the service, so
 * each rule is tested without a database.
 */
public final class Eligibility {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Eligibility() {
    }

    /**
     * What the rules look at, for one unit, award and year. {@code proposalsCounted} is the number
     * of this award's proposals of the year that count against the quota, this one included;
     * {@code clusterLeaders} the number of cluster-years of the province that year (each has one
     * leading unit); {@code heldYears} the years in which each award type was held, revocations left out.
     */
    public record Facts(String unitCode, int year, String clusterName, boolean ledTheCluster, Integer rank, BigDecimal total,
                        Set<String> registeredTitles, String awardTypeCode, int proposalsCounted, int clusterLeaders,
                        Map<String, Set<Integer>> heldYears) {
    }

    /** One rule's verdict; {@code messageKey} and {@code args} explain it, in either language. */
    public record Verdict(EligibilityKind kind, BigDecimal value, String awardTypeCode, boolean passed, String messageKey, List<Object> args) {
    }

    public static List<Verdict> check(List<EligibilityRule> rules, Facts facts) {
        List<Verdict> verdicts = new ArrayList<>();
        for (EligibilityRule rule : rules) {
            verdicts.add(check(rule, facts));
        }
        return verdicts;
    }

    public static boolean allPass(List<Verdict> verdicts) {
        return verdicts.stream().allMatch(Verdict::passed);
    }

    private static Verdict check(EligibilityRule rule, Facts f) {
        return switch (rule.kind()) {
            case LEADS_CLUSTER -> verdict(rule, f.ledTheCluster(), f.ledTheCluster() ? "eligibility.leads.pass" : "eligibility.leads.fail",
                    f.clusterName(), f.year());
            case RANKS_FIRST -> f.rank() == null
                    ? verdict(rule, false, "eligibility.ranking.none", f.clusterName(), f.year())
                    : verdict(rule, f.rank() == 1, f.rank() == 1 ? "eligibility.first.pass" : "eligibility.first.fail", f.rank(), f.clusterName());
            case MIN_TOTAL_POINTS -> f.total() == null
                    ? verdict(rule, false, "eligibility.ranking.none", f.clusterName(), f.year())
                    : verdict(rule, f.total().compareTo(rule.value()) >= 0,
                            f.total().compareTo(rule.value()) >= 0 ? "eligibility.points.pass" : "eligibility.points.fail", f.total(), rule.value());
            case REGISTERED_FOR_TITLE -> {
                boolean registered = f.registeredTitles().contains(f.awardTypeCode());
                yield verdict(rule, registered, registered ? "eligibility.registered.pass" : "eligibility.registered.fail", f.year());
            }
            case QUOTA_PERCENT_OF_CLUSTER_LEADERS -> {
                // at most value % of the cluster leaders, compared exactly: 4 × 100 ≤ 20 × 19 fails
                boolean within = BigDecimal.valueOf(f.proposalsCounted()).multiply(HUNDRED)
                        .compareTo(rule.value().multiply(BigDecimal.valueOf(f.clusterLeaders()))) <= 0;
                yield verdict(rule, within, within ? "eligibility.quota.pass" : "eligibility.quota.fail", f.proposalsCounted(),
                        f.clusterLeaders(), rule.value());
            }
            case HELD_IN_PREVIOUS_YEARS -> {
                int years = rule.value().intValue();
                Set<Integer> held = f.heldYears().getOrDefault(rule.awardTypeCode(), Set.of());
                List<Integer> missing = new ArrayList<>();
                for (int y = f.year() - years; y < f.year(); y++) {
                    if (!held.contains(y)) {
                        missing.add(y);
                    }
                }
                yield verdict(rule, missing.isEmpty(), missing.isEmpty() ? "eligibility.streak.pass" : "eligibility.streak.fail",
                        rule.awardTypeCode(), years, missing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse(""));
            }
        };
    }

    private static Verdict verdict(EligibilityRule rule, boolean passed, String key, Object... args) {
        return new Verdict(rule.kind(), rule.value(), rule.awardTypeCode(), passed, key, List.of(args));
    }
}
