package vn.thidua.awards.council;

import java.util.List;
import java.util.UUID;

/**
 * A Council session's result is published: fired as a CDI event, synchronously and in the publishing
 * transaction, so an observer (the proposals) moves its candidates in the same commit, or the publication
 * fails with it. One outcome per agenda item, in agenda order; {@code publishedBy}: who published it, for the
 * candidates' own audit trails.
 */
public record CouncilConcluded(UUID sessionId, List<CandidateOutcome> candidates, String publishedBy) {

    public CouncilConcluded {
        candidates = List.copyOf(candidates);
    }

    /** A candidate's outcome and its tally in a line of Vietnamese (for the proposal's history). */
    public record CandidateOutcome(long proposalId, CouncilResult.Outcome outcome, String tally) {
    }
}
