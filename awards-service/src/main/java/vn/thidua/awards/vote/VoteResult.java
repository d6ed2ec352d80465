package vn.thidua.awards.vote;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;

/**
 * The count of a closed session: totals only, never a single ballot. Per-candidate counts ({@code contests})
 * are given only when the quorum was met and at least {@code minimumBallotsForCounts} ballots were cast (the
 * rule set's voting rules, 3 when absent); otherwise {@code contests} is empty and the outcome says why
 * ({@link Outcome#NO_QUORUM}, {@link Outcome#TOO_FEW_BALLOTS}), so that one or two ballots never show as
 * those voters' choices. {@code basisCount} is what
 * percentages are taken of: the voter roll ({@code ALL_MEMBERS}) or the ballots cast ({@code PRESENT}).
 * Quorum and threshold are as the rule set states them: a percentage, or a fraction (then the
 * percentage is null).
 */
public record VoteResult(int electorate, int ballotsCast, BigDecimal quorumPercent, String quorumFraction, boolean quorumMet,
                         VotingBasis basis, int basisCount, BigDecimal thresholdPercent, String thresholdFraction, boolean strictlyAbove,
                         Outcome outcome, List<ContestResult> contests, int minimumBallotsForCounts) {

    public enum Outcome {
        /** Too few ballots; nobody is elected and the session must be held again. */
        NO_QUORUM,
        /** The quorum was met but fewer ballots than the rules' minimum for counts were cast: nobody is elected, no count is shown. */
        TOO_FEW_BALLOTS,
        /** Every place is filled. */
        DECIDED,
        /** Some place is not filled and the rules allow a runoff among {@link ContestResult#runoffCandidates()}. */
        RUNOFF_NEEDED,
        /** Some place is not filled and the rules allow no runoff. */
        UNDECIDED
    }

    public VoteResult {
        contests = contests == null ? List.of() : List.copyOf(contests);
    }

    /** Whether per-candidate counts are given: the session counted (quorum met, enough ballots). */
    public boolean countsShown() {
        return outcome != Outcome.NO_QUORUM && outcome != Outcome.TOO_FEW_BALLOTS;
    }

    /** The candidates elected in that contest, most votes first; empty when the contest was not held or nobody won. */
    public List<String> elected(Contest contest) {
        return find(contest).map(ContestResult::elected).orElse(List.of());
    }

    public Optional<ContestResult> find(Contest contest) {
        return contests.stream().filter(c -> c.contest() == contest).findFirst();
    }

    public record ContestResult(Contest contest, int seats, List<CandidateResult> candidates, List<String> elected,
                                List<String> runoffCandidates) {
        public ContestResult {
            candidates = List.copyOf(candidates);
            elected = List.copyOf(elected);
            runoffCandidates = List.copyOf(runoffCandidates);
        }

        public boolean filled() {
            return elected.size() == seats;
        }
    }

    /** One candidate's count: {@code percentFor} is of the basis, rounded to two places for reading only. */
    public record CandidateResult(String unitCode, int votesFor, int votesAgainst, int abstentions, BigDecimal percentFor,
                                  boolean reachedThreshold, boolean elected) {
    }
}
