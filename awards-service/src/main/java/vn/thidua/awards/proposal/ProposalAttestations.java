package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import vn.thidua.platform.security.Caller;

/**
 * The Board's findings on the conditions only people can judge (ATTESTED): appended, the latest of a key counts,
 * so the earlier ones stay as the trail of how the finding changed.
 */
@ApplicationScoped
public class ProposalAttestations {
    private final ProposalStore store;
    private final Clock clock;

    public ProposalAttestations(ProposalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The Board's finding on an ATTESTED condition of a proposal. */
    public record AttestationRecord(String key, boolean holds, String basis, String actor, Instant at) {
    }

    /** Records the Board's finding on a condition that only people can judge (ATTESTED {@code key}); the latest counts. */
    @Transactional
    public AttestationRecord attest(long id, String key, boolean holds, String basis, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = store.lock(id);
        proposal.requireAttestable();
        AttestationRecord record = new AttestationRecord(key, holds, basis, caller.subject(), Instant.now(clock));
        Proposal.getEntityManager().createNativeQuery("""
                        INSERT INTO proposal_attestation (proposal_id, key, holds, basis, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, proposal.id).setParameter(2, key).setParameter(3, holds).setParameter(4, basis)
                .setParameter(5, record.actor()).setParameter(6, record.at()).executeUpdate();
        return record;
    }

    /** The latest finding of each key, oldest key first. */
    @Transactional
    public List<AttestationRecord> of(long id, Caller caller) {
        return of(store.get(id, caller).id);
    }

    @SuppressWarnings("unchecked")
    List<AttestationRecord> of(long proposalId) {
        List<Object[]> rows = Proposal.getEntityManager().createNativeQuery("""
                        SELECT DISTINCT ON (key) key, holds, basis, actor, at FROM proposal_attestation WHERE proposal_id = ?1
                        ORDER BY key, id DESC""").setParameter(1, proposalId).getResultList();
        return rows.stream().map(r -> new AttestationRecord((String) r[0], (Boolean) r[1], (String) r[2], (String) r[3],
                r[4] instanceof OffsetDateTime at ? at.toInstant() : (Instant) r[4])).toList();
    }
}
