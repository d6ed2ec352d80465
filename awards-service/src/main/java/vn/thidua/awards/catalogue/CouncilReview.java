package vn.thidua.awards.catalogue;

import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.List;
import vn.thidua.awards.condition.Vocabulary;

/**
 * How the province's Emulation &amp; Commendation Council reviews the candidates for an award before the
 * Chairman decides or submits it (law-2025.md §4): by the whole Council or by its standing members; the
 * share of the members that must take part for the session to count ({@code quorum}: "≥ 80 % for award
 * sessions"); what a candidate needs of the basis to be recommended ({@code threshold}); whether the written
 * opinions of absent members count towards both; and the source. Each province sets its own, so it is data:
 * a rule set without it is decided straight after the Board's appraisal.
 */
public record CouncilReview(@Schema(required = true) Body body,
                            @Schema(minimum = "0", maximum = "100", description = "Required unless quorumFraction is given.") BigDecimal quorumPercent,
                            @Schema(description = "A fraction such as `4/5`, instead of quorumPercent.") String quorumFraction,
                            @Schema(minimum = "0", exclusiveMinimum = true, maximum = "100", description = "Required unless thresholdFraction is given.") BigDecimal thresholdPercent,
                            @Schema(description = "A fraction such as `2/3`, instead of thresholdPercent.") String thresholdFraction,
                            @Schema(required = true) RuleSetDefinition.VotingBasis basis, Boolean strictlyAbove,
                            Boolean writtenOpinionsCount, @Schema(required = true, maxLength = 300) String citation,
                            @Schema(required = true, enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String tag,
                            @Schema(minimum = "1", maximum = "1000", description = "3 when left out.") Integer minimumBallotsForCounts) {

    public CouncilReview(Body body, BigDecimal quorumPercent, String quorumFraction, BigDecimal thresholdPercent, String thresholdFraction,
                         RuleSetDefinition.VotingBasis basis, Boolean strictlyAbove, Boolean writtenOpinionsCount, String citation, String tag) {
        this(body, quorumPercent, quorumFraction, thresholdPercent, thresholdFraction, basis, strictlyAbove, writtenOpinionsCount, citation, tag,
                null);
    }

    /**
     * The fewest ballots counted for a candidate for which its count is shown (default 3, as for a cluster's vote,
     * {@link RuleSetDefinition.VotingRules#minimumBallots()}); never below 1, and below 3 ballot secrecy is weaker.
     */
    public int minimumBallots() {
        return minimumBallotsForCounts == null ? RuleSetDefinition.VotingRules.DEFAULT_MINIMUM_BALLOTS_FOR_COUNTS : minimumBallotsForCounts;
    }

    /** Who reviews. */
    public enum Body {
        /** The whole Council (Government flag, provincial flag, Prime Minister's certificate). */
        COUNCIL,
        /** The Council's standing members (TTLĐXS, the provincial certificate). */
        STANDING_MEMBERS
    }

    /** The members that must take part: the fraction when given, else the percentage. */
    public Share quorum() {
        return quorumFraction != null ? Share.fraction(quorumFraction).orElseThrow() : Share.percent(quorumPercent);
    }

    /** What a candidate needs of the basis to be recommended: the fraction when given, else the percentage. */
    public Share threshold() {
        return thresholdFraction != null ? Share.fraction(thresholdFraction).orElseThrow() : Share.percent(thresholdPercent);
    }

    public boolean strictly() {
        return Boolean.TRUE.equals(strictlyAbove);
    }

    public boolean countsWrittenOpinions() {
        return Boolean.TRUE.equals(writtenOpinionsCount);
    }

    void validate(List<Refusal.Reason> problems) {
        if (body == null || basis == null) {
            problems.add(new Refusal.Reason("council", "ruleset.council.required"));
        }
        if (quorumFraction != null ? !RuleSetDefinition.fraction(quorumFraction, false) : !RuleSetDefinition.percent(quorumPercent, false)) {
            problems.add(new Refusal.Reason(quorumFraction != null ? "council.quorumFraction" : "council.quorumPercent", "ruleset.voting.percent"));
        }
        if (thresholdFraction != null ? !RuleSetDefinition.fraction(thresholdFraction, true) : !RuleSetDefinition.percent(thresholdPercent, true)) {
            problems.add(new Refusal.Reason(thresholdFraction != null ? "council.thresholdFraction" : "council.thresholdPercent",
                    "ruleset.voting.percent"));
        }
        if (citation == null || citation.isBlank() || citation.length() > 300) {
            problems.add(new Refusal.Reason("council.citation", "ruleset.council.citation"));
        }
        if (tag == null || !Vocabulary.TAGS.contains(tag)) {
            problems.add(new Refusal.Reason("council.tag", "ruleset.condition.tag"));
        }
        if (minimumBallotsForCounts != null && (minimumBallotsForCounts < 1 || minimumBallotsForCounts > 1000)) {
            problems.add(new Refusal.Reason("council.minimumBallotsForCounts", "ruleset.voting.minimum-ballots"));
        }
    }
}
