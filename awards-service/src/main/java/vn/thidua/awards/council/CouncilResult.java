package vn.thidua.awards.council;

import java.util.List;
import java.util.Optional;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;

/**
 * The count of a closed Council session: totals only, never a single ballot. {@code present} and
 * {@code written} are the members who took part in person and the absent members whose written opinion
 * was recorded; whether the written opinions count is each candidate's own rule set's say.
 */
public record CouncilResult(int roll, int present, int written, List<CandidateResult> candidates) {

    public CouncilResult {
        candidates = List.copyOf(candidates);
    }

    public enum Outcome {
        RECOMMENDED,
        NOT_RECOMMENDED,
        /** The quorum was not met (the session refuses to close then, so only a safeguard): no count is shown. */
        NO_QUORUM,
        /** Fewer ballots counted for the candidate than its rules' minimum for counts: not recommended, and no count is shown. */
        TOO_FEW_BALLOTS
    }

    public Optional<CandidateResult> of(long proposalId) {
        return candidates.stream().filter(c -> c.proposalId() == proposalId).findFirst();
    }

    /**
     * One candidate's count under its rule set: {@code basisCount} is what the threshold is taken of (the roll,
     * or the members taking part), {@code needed} the fewest votes for that reach it (more than the basis when
     * none can), {@code threshold} the share as the rules state it ("2/3", "50%"). {@code ballotsCounted} is how
     * many ballots held a choice on the candidate; when fewer than {@code minimumBallotsForCounts} (its rules', 3
     * when absent) the votes are null and the outcome {@link Outcome#TOO_FEW_BALLOTS}: one or two ballots' count
     * would be those members' choices.
     */
    public record CandidateResult(long proposalId, long ruleSetId, Integer votesFor, Integer votesAgainst, Integer abstentions,
                                  VotingBasis basis, int basisCount, int needed, String threshold, boolean strictlyAbove,
                                  boolean writtenOpinionsCounted, Outcome outcome, int ballotsCounted, int minimumBallotsForCounts) {

        public boolean countsShown() {
            return outcome != Outcome.TOO_FEW_BALLOTS && outcome != Outcome.NO_QUORUM;
        }

        /** The result in a line, in Vietnamese, as the minutes and the proposal's history say it. */
        public String tally() {
            if (outcome == Outcome.NO_QUORUM) {
                return "Không đủ túc số - không đề nghị";
            }
            if (!countsShown()) {
                return "Số phiếu " + ballotsCounted + " ít hơn mức tối thiểu " + minimumBallotsForCounts
                        + " để công bố kết quả (giữ bí mật lá phiếu) - không đề nghị";
            }
            return "Đồng ý " + votesFor + "/" + basisCount + " (cần " + needed + ": " + (strictlyAbove ? "trên " : "từ ") + threshold
                    + (basis == VotingBasis.ALL_MEMBERS ? " tổng số thành viên" : " số thành viên tham gia") + "); không đồng ý "
                    + votesAgainst + "; không biểu thị " + abstentions + " - "
                    + (outcome == Outcome.RECOMMENDED ? "đề nghị khen thưởng" : "không đề nghị");
        }
    }
}
