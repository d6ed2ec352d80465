package vn.thidua.awards.council;

import java.util.List;
import java.util.UUID;

/**
 * Proposals went on a Council session's agenda: fired as a CDI event, synchronously and in the same transaction, so
 * that the proposals move to their Council review in the same commit (or the agenda change fails with them).
 */
public record CandidatesPutOnAgenda(UUID sessionId, List<Long> proposalIds, String actor) {

    public CandidatesPutOnAgenda {
        proposalIds = List.copyOf(proposalIds);
    }
}
