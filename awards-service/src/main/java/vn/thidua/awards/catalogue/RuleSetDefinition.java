package vn.thidua.awards.catalogue;

import vn.thidua.platform.domain.Refusal;
import jakarta.validation.constraints.Size;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import vn.thidua.awards.condition.Condition;
import vn.thidua.awards.condition.Recipient;
import vn.thidua.awards.condition.Vocabulary;

/**
 * The rules of one award under one legal basis, for the dates it is in force: the conditions a
 * unit must meet (each with its citation), how the vote that proposes it is held, the cash as a
 * multiple of the base salary, how it applies in transition, and how the province's Council reviews its
 * candidates ({@code council}, null when the award is decided straight after the Board's appraisal). Each legal value carries the
 * confidence tag of its source (V, V2, M, ?). A vote or a proposal keeps the rule set that judged it.
 */
public record RuleSetDefinition(@Schema(required = true, maxLength = 500) String legalBasis, @Schema(required = true) LocalDate legalBasisDate,
                                @Schema(enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String legalBasisTag, @Schema(required = true) LocalDate effectiveFrom,
                                LocalDate effectiveTo, @Schema(description = "DOSSIER_RECEIVED_ON when left out.") Transition transition,
                                @Schema(enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String transitionTag,
                                @Schema(maxItems = 100) List<Condition> eligibility,
                                @Schema(required = true) VotingRules voting,
                                List<@Size(max = 200) String> provincialChoices,
                                @Schema(minimum = "0", maximum = "100", description = "Multiple of the base salary, at most 2 decimal places.") BigDecimal cashMultiple,
                                @Schema(maxLength = 300) String cashCitation,
                                @Schema(enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String cashTag, CouncilReview council) {
    private static final BigDecimal MOST_MULTIPLE = BigDecimal.valueOf(100);

    public RuleSetDefinition {
        eligibility = eligibility == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(eligibility));
        provincialChoices = provincialChoices == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(provincialChoices));
        // the law's transition clause: "hồ sơ ... trình trước ngày Nghị định này có hiệu lực" is judged by the date of receipt
        transition = transition == null ? Transition.DOSSIER_RECEIVED_ON : transition;
        transitionTag = transitionTag == null ? "?" : transitionTag;
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
    public record VotingRules(@Schema(required = true) Boolean secret,
                              @Schema(minimum = "0", maximum = "100", description = "Required unless quorumFraction is given.") BigDecimal quorumPercent,
                              @Schema(minimum = "0", exclusiveMinimum = true, maximum = "100", description = "Required unless thresholdFraction is given.") BigDecimal thresholdPercent,
                              @Schema(required = true) VotingBasis basis,
                              @Schema(required = true) Boolean runoffAllowed, Boolean strictlyAbove,
                              @Schema(description = "A fraction such as `2/3`, instead of quorumPercent.") String quorumFraction,
                              @Schema(description = "A fraction such as `2/3`, instead of thresholdPercent.") String thresholdFraction,
                              @Schema(minimum = "1", maximum = "1000", description = "3 when left out.") Integer minimumBallotsForCounts) {

        /**
         * The fewest ballots for which a count per candidate is shown when {@code minimumBallotsForCounts} is absent.
         * Below it the result says only that the session failed and how many ballots were cast: with one or two
         * ballots a per-candidate count is those voters' choices exactly (docs/security.md, ballot secrecy).
         */
        public static final int DEFAULT_MINIMUM_BALLOTS_FOR_COUNTS = 3;

        public VotingRules(Boolean secret, BigDecimal quorumPercent, BigDecimal thresholdPercent, VotingBasis basis, Boolean runoffAllowed,
                           Boolean strictlyAbove) {
            this(secret, quorumPercent, thresholdPercent, basis, runoffAllowed, strictlyAbove, null, null, null);
        }

        public VotingRules(Boolean secret, BigDecimal quorumPercent, BigDecimal thresholdPercent, VotingBasis basis, Boolean runoffAllowed,
                           Boolean strictlyAbove, String quorumFraction, String thresholdFraction) {
            this(secret, quorumPercent, thresholdPercent, basis, runoffAllowed, strictlyAbove, quorumFraction, thresholdFraction, null);
        }

        /**
         * The fewest ballots for which per-candidate counts are shown (default 3). A province may set it, never
         * below 1; values below 3 weaken ballot secrecy (two ballots with a count of 2 for tell both choices).
         */
        public int minimumBallots() {
            return minimumBallotsForCounts == null ? DEFAULT_MINIMUM_BALLOTS_FOR_COUNTS : minimumBallotsForCounts;
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

    /** Refuses (422) with every broken rule listed, the conditions checked alone. */
    public void validate() {
        validate(null);
    }

    /** Refuses (422) with every broken rule listed, the conditions also checked against whom the award goes to. */
    public void validate(Recipient recipient) {
        List<Refusal.Reason> problems = new ArrayList<>();
        if (legalBasis == null || legalBasis.isBlank()) {
            problems.add(new Refusal.Reason("legalBasis", "ruleset.legal-basis.required"));
        }
        if (legalBasisDate == null) {
            problems.add(new Refusal.Reason("legalBasisDate", "ruleset.date.required"));
        }
        if (effectiveFrom == null) {
            problems.add(new Refusal.Reason("effectiveFrom", "ruleset.date.required"));
        } else if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.effective.order"));
        }
        if (effectiveFrom != null && legalBasisDate != null && effectiveFrom.isBefore(legalBasisDate)) {
            // a rule cannot apply before the text it rests on was issued
            problems.add(new Refusal.Reason("effectiveFrom", "ruleset.effective.before-basis", legalBasisDate.toString()));
        }
        for (String[] tagged : new String[][] {{"legalBasisTag", legalBasisTag}, {"transitionTag", transitionTag}, {"cashTag", cashTag}}) {
            if (tagged[1] != null && !Vocabulary.TAGS.contains(tagged[1])) {
                problems.add(new Refusal.Reason(tagged[0], "ruleset.condition.tag"));
            }
        }
        if (cashMultiple != null && (cashMultiple.signum() < 0 || cashMultiple.compareTo(MOST_MULTIPLE) > 0
                || cashMultiple.stripTrailingZeros().scale() > 2)) {
            problems.add(new Refusal.Reason("cashMultiple", "ruleset.cash.multiple"));
        }
        Vocabulary.validate(eligibility, recipient, "eligibility", problems);
        if (voting == null || voting.secret() == null || voting.basis() == null || voting.runoffAllowed() == null) {
            problems.add(new Refusal.Reason("voting", "ruleset.voting.required"));
        } else {
            if (voting.quorumFraction() != null ? !fraction(voting.quorumFraction(), false) : !percent(voting.quorumPercent(), false)) {
                problems.add(new Refusal.Reason(voting.quorumFraction() != null ? "voting.quorumFraction" : "voting.quorumPercent",
                        "ruleset.voting.percent"));
            }
            if (voting.thresholdFraction() != null ? !fraction(voting.thresholdFraction(), true) : !percent(voting.thresholdPercent(), true)) {
                problems.add(new Refusal.Reason(voting.thresholdFraction() != null ? "voting.thresholdFraction" : "voting.thresholdPercent",
                        "ruleset.voting.percent"));
            }
            if (voting.minimumBallotsForCounts() != null && (voting.minimumBallotsForCounts() < 1 || voting.minimumBallotsForCounts() > 1000)) {
                problems.add(new Refusal.Reason("voting.minimumBallotsForCounts", "ruleset.voting.minimum-ballots"));
            }
        }
        if (council != null) {
            council.validate(problems);
        }
        if (provincialChoices.stream().anyMatch(Objects::isNull)) {
            problems.add(new Refusal.Reason("provincialChoices", "ruleset.choices.invalid"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-rule-set", "ruleset.invalid", problems.size()).because(problems);
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

    static boolean fraction(String text, boolean positive) {
        return Share.fraction(text).filter(Share::withinWhole).filter(share -> !positive || share.numerator().signum() > 0).isPresent();
    }

    static boolean percent(BigDecimal value, boolean positive) {
        return value != null && (positive ? value.signum() > 0 : value.signum() >= 0) && value.compareTo(BigDecimal.valueOf(100)) <= 0;
    }
}
