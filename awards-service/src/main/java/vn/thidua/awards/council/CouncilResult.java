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
        NOT_RECOMMENDED
    }

    public Optional<CandidateResult> of(long proposalId) {
        return candidates.stream().filter(c -> c.proposalId() == proposalId).findFirst();
    }

    /**
     * One candidate's count under its rule set: {@code basisCount} is what the threshold is taken of (the roll,
     * or the members taking part), {@code needed} the fewest votes for that reach it (more than the basis when
     * none can), {@code threshold} the share as the rules state it ("2/3", "50%").
     */
    public record CandidateResult(long proposalId, long ruleSetId, int votesFor, int votesAgainst, int abstentions, VotingBasis basis,
                                  int basisCount, int needed, String threshold, boolean strictlyAbove, boolean writtenOpinionsCounted,
                                  Outcome outcome) {

        /** The result in a line, in Vietnamese, as the minutes and the proposal's history say it. */
        public String tally() {
            return "Đồng ý " + votesFor + "/" + basisCount + " (cần " + needed + ": " + (strictlyAbove ? "trên " : "từ ") + threshold
                    + (basis == VotingBasis.ALL_MEMBERS ? " tổng số thành viên" : " số thành viên tham gia") + "); không đồng ý "
                    + votesAgainst + "; không biểu thị " + abstentions + " - "
                    + (outcome == Outcome.RECOMMENDED ? "đề nghị khen thưởng" : "không đề nghị");
        }
    }
}
