package vn.thidua.awards.council;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.council.CouncilResult.CandidateResult;
import vn.thidua.awards.council.CouncilResult.Outcome;
import vn.thidua.awards.vote.Choice;

/**
 * Quorum and counting (a candidate's count is shown only from its rules' minimum of ballots, 3 by default) of the Council's ballot, under each candidate's own rule set ({@link CouncilReview}).
 * Plain Java, so every rule is tested without a database.
 */
public final class CouncilCount {

    private CouncilCount() {
    }

    /** Who takes part: the roll, the members present, and the absent members who answered in writing. */
    public record Participation(int roll, int present, int written) {

        /** The members taking part under these rules: written opinions count only where the rules say so. */
        public int takingPart(CouncilReview review) {
            return present + (review.countsWrittenOpinions() ? written : 0);
        }

        public boolean quorumMet(CouncilReview review) {
            return review.quorum().reachedBy(takingPart(review), roll, false);
        }
    }

    /** The first of these rules whose quorum the participation does not reach, if any. */
    public static Optional<CouncilReview> shortOfQuorum(Collection<CouncilReview> reviews, Participation participation) {
        return reviews.stream().filter(review -> !participation.quorumMet(review)).findFirst();
    }

    /** A share as the rules state it: "2/3" or "80%". */
    public static String quorumText(CouncilReview review) {
        return share(review.quorumFraction(), review.quorumPercent());
    }

    /**
     * Counts every candidate.
     *
     * @param candidates    proposal id → the rule set that judges it (by id) and its Council review
     * @param participation who took part (present members who voted, written opinions recorded)
     * @param ballots       every ballot; a written opinion holds choices only for the candidates whose rules count it
     */
    public static CouncilResult count(Map<Long, Rules> candidates, Participation participation, List<Map<Long, Choice>> ballots) {
        List<CandidateResult> results = new ArrayList<>();
        candidates.forEach((proposalId, rules) -> {
            int[] counts = new int[Choice.values().length];
            int counted = 0;
            for (Map<Long, Choice> ballot : ballots) {
                Choice choice = ballot.get(proposalId);
                if (choice != null) {
                    counts[choice.ordinal()]++;
                    counted++;
                }
            }
            CouncilReview review = rules.review();
            int basis = review.basis() == VotingBasis.ALL_MEMBERS ? participation.roll() : participation.takingPart(review);
            int needed = needed(review, basis);
            String threshold = share(review.thresholdFraction(), review.thresholdPercent());
            if (!participation.quorumMet(review) || counted < review.minimumBallots()) {
                // no quorum, or too few ballots to count without telling who chose what: neither the figures nor a recommendation
                results.add(new CandidateResult(proposalId, rules.ruleSetId(), null, null, null, review.basis(), basis, needed, threshold,
                        review.strictly(), review.countsWrittenOpinions(), participation.quorumMet(review) ? Outcome.TOO_FEW_BALLOTS
                        : Outcome.NO_QUORUM, counted, review.minimumBallots()));
                return;
            }
            boolean recommended = counts[Choice.FOR.ordinal()] >= needed;
            results.add(new CandidateResult(proposalId, rules.ruleSetId(), counts[Choice.FOR.ordinal()], counts[Choice.AGAINST.ordinal()],
                    counts[Choice.ABSTAIN.ordinal()], review.basis(), basis, needed, threshold, review.strictly(), review.countsWrittenOpinions(),
                    recommended ? Outcome.RECOMMENDED : Outcome.NOT_RECOMMENDED, counted, review.minimumBallots()));
        });
        return new CouncilResult(participation.roll(), participation.present(), participation.written(), results);
    }

    /** The rules one candidate is judged by. */
    public record Rules(long ruleSetId, CouncilReview review) {
    }

    /** The fewest votes for that reach the threshold of the basis; more than the basis when no count can. */
    static int needed(CouncilReview review, int basis) {
        for (int votes = 0; votes <= basis; votes++) {
            if (review.threshold().reachedBy(votes, basis, review.strictly())) {
                return votes;
            }
        }
        return basis + 1;
    }

    private static String share(String fraction, java.math.BigDecimal percent) {
        return fraction != null ? fraction : vn.thidua.awards.document.PdfLayout.percent(percent);
    }
}
