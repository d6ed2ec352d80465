package vn.thidua.awards.catalogue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.ProblemException.FieldProblem;

/**
 * The rules of one award under one legal basis, for the dates it is in force: who is eligible
 * and how the vote that proposes it is held. A vote or a proposal keeps the rule set that was in
 * force when it started.
 */
public record RuleSetDefinition(String legalBasis, LocalDate legalBasisDate, LocalDate effectiveFrom, LocalDate effectiveTo,
                                List<EligibilityRule> eligibility, VotingRules voting, List<String> provincialChoices) {

    public RuleSetDefinition {
        eligibility = eligibility == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(eligibility));
        provincialChoices = provincialChoices == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(provincialChoices));
    }

    public enum EligibilityKind {
        /** The unit leads its cluster or block that year (Law 2022 Art. 25(1), 26). */
        LEADS_CLUSTER,
        /** The unit ranks first on points in its cluster's finalized ranking. */
        RANKS_FIRST,
        /** Proposals at most {@code value} % of the province's cluster leaders that year (Official Letter 5007/BNV-TĐKT: 20). */
        QUOTA_PERCENT_OF_CLUSTER_LEADERS,
        /** The unit registered for this title at the start of the year. */
        REGISTERED_FOR_TITLE,
        /** At least {@code value} points in its cluster's ranking. */
        MIN_TOTAL_POINTS,
        /** Held the award {@code awardTypeCode} in each of the {@code value} years before (e.g. the provincial flag, for the Government's). */
        HELD_IN_PREVIOUS_YEARS
    }

    /** One condition; {@code value} and {@code awardTypeCode} only where the kind needs them. */
    public record EligibilityRule(EligibilityKind kind, BigDecimal value, String awardTypeCode) {
    }

    public enum VotingBasis {
        /** Percentages of all member units of the cluster-year. */
        ALL_MEMBERS,
        /** Percentages of the member units that voted. */
        PRESENT
    }

    /**
     * How the cluster's vote (suy tôn, bình xét) is held. A candidate wins with at least
     * {@code thresholdPercent} of the basis ("từ ... trở lên"), or more than it when
     * {@code strictlyAbove} ("trên 50%"); {@code strictlyAbove} may be left out and then means false.
     * A regulation that speaks of fractions ("từ 2/3 trở lên") gives {@code thresholdFraction}
     * (and {@code quorumFraction}) instead of the percentage, so the comparison stays exact.
     */
    public record VotingRules(Boolean secret, BigDecimal quorumPercent, BigDecimal thresholdPercent, VotingBasis basis,
                              Boolean runoffAllowed, Boolean strictlyAbove, String quorumFraction, String thresholdFraction) {

        public VotingRules(Boolean secret, BigDecimal quorumPercent, BigDecimal thresholdPercent, VotingBasis basis, Boolean runoffAllowed,
                           Boolean strictlyAbove) {
            this(secret, quorumPercent, thresholdPercent, basis, runoffAllowed, strictlyAbove, null, null);
        }

        /** The quorum of the voter roll: the fraction when given, else the percentage. */
        public Share quorum() {
            return quorumFraction != null ? Share.fraction(quorumFraction).orElseThrow() : Share.percent(quorumPercent);
        }

        /** What a candidate needs of the basis: the fraction when given, else the percentage. */
        public Share threshold() {
            return thresholdFraction != null ? Share.fraction(thresholdFraction).orElseThrow() : Share.percent(thresholdPercent);
        }
    }

    /** Refuses (422) with every broken rule listed. */
    public void validate() {
        List<FieldProblem> problems = new ArrayList<>();
        if (legalBasis == null || legalBasis.isBlank()) {
            problems.add(new FieldProblem("legalBasis", "ruleset.legal-basis.required"));
        }
        if (legalBasisDate == null) {
            problems.add(new FieldProblem("legalBasisDate", "ruleset.date.required"));
        }
        if (effectiveFrom == null) {
            problems.add(new FieldProblem("effectiveFrom", "ruleset.date.required"));
        } else if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            problems.add(new FieldProblem("effectiveTo", "ruleset.effective.order"));
        }
        Set<EligibilityKind> kinds = new HashSet<>();
        for (int i = 0; i < eligibility.size(); i++) {
            EligibilityRule rule = eligibility.get(i);
            String at = "eligibility[" + i + "]";
            if (rule == null || rule.kind() == null) {
                problems.add(new FieldProblem(at, "ruleset.eligibility.kind"));
                continue;
            }
            if (!kinds.add(rule.kind())) {
                problems.add(new FieldProblem(at, "ruleset.eligibility.duplicate", rule.kind()));
            }
            boolean needsValue = rule.kind() == EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS || rule.kind() == EligibilityKind.MIN_TOTAL_POINTS
                    || rule.kind() == EligibilityKind.HELD_IN_PREVIOUS_YEARS;
            if (needsValue && (rule.value() == null || rule.value().signum() <= 0
                    || rule.kind() == EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS && rule.value().compareTo(BigDecimal.valueOf(100)) > 0
                    || rule.kind() == EligibilityKind.HELD_IN_PREVIOUS_YEARS && !isWholeYears(rule.value()))) {
                problems.add(new FieldProblem(at, "ruleset.eligibility.value", rule.kind()));
            }
            if (rule.kind() == EligibilityKind.HELD_IN_PREVIOUS_YEARS && (rule.awardTypeCode() == null || rule.awardTypeCode().isBlank())) {
                problems.add(new FieldProblem(at + ".awardTypeCode", "ruleset.eligibility.award", rule.kind()));
            }
        }
        if (voting == null || voting.secret() == null || voting.basis() == null || voting.runoffAllowed() == null) {
            problems.add(new FieldProblem("voting", "ruleset.voting.required"));
        } else {
            if (voting.quorumFraction() != null ? !fraction(voting.quorumFraction(), false) : !percent(voting.quorumPercent(), false)) {
                problems.add(new FieldProblem(voting.quorumFraction() != null ? "voting.quorumFraction" : "voting.quorumPercent",
                        "ruleset.voting.percent"));
            }
            if (voting.thresholdFraction() != null ? !fraction(voting.thresholdFraction(), true) : !percent(voting.thresholdPercent(), true)) {
                problems.add(new FieldProblem(voting.thresholdFraction() != null ? "voting.thresholdFraction" : "voting.thresholdPercent",
                        "ruleset.voting.percent"));
            }
        }
        if (provincialChoices.stream().anyMatch(Objects::isNull)) {
            problems.add(new FieldProblem("provincialChoices", "ruleset.choices.invalid"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.unprocessable("invalid-rule-set", "ruleset.invalid", problems.size()).withErrors(problems);
        }
    }

    /** Whether this rule set is in force on that date. */
    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** Whether the two periods share a day. */
    public boolean overlaps(RuleSetDefinition other) {
        LocalDate thisEnd = effectiveTo == null ? LocalDate.MAX : effectiveTo;
        LocalDate otherEnd = other.effectiveTo() == null ? LocalDate.MAX : other.effectiveTo();
        return !effectiveFrom.isAfter(otherEnd) && !other.effectiveFrom().isAfter(thisEnd);
    }

    private static boolean isWholeYears(BigDecimal value) {
        return value.stripTrailingZeros().scale() <= 0 && value.compareTo(BigDecimal.valueOf(50)) <= 0;
    }

    private static boolean fraction(String text, boolean positive) {
        return Share.fraction(text).filter(Share::withinWhole).filter(share -> !positive || share.numerator().signum() > 0).isPresent();
    }

    private static boolean percent(BigDecimal value, boolean positive) {
        return value != null && (positive ? value.signum() > 0 : value.signum() >= 0) && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }
}
