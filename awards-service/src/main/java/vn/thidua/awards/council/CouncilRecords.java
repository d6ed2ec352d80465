package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** What a Council session leaves: the receipts of its counted ballots, its minutes as published, its finding on each candidate. */
@ApplicationScoped
public class CouncilRecords {
    private final CouncilService council;
    private final CouncilBallots ballots;

    public CouncilRecords(CouncilService council, CouncilBallots ballots) {
        this.council = council;
        this.ballots = ballots;
    }

    /** The receipts of the counted ballots, once the caller may see the result. */
    @Transactional
    public List<String> receipts(UUID id, Caller caller) {
        CouncilSession session = council.get(id, caller);
        if (!CouncilAccess.mayReadResult(session, caller)) {
            throw Refusal.conflict("council-result-not-published", "council.result.not-published");
        }
        return ballots.receipts(session.id);
    }

    /** The minutes as published, for whoever may read the session. */
    @Transactional
    public byte[] minutes(UUID id, Caller caller) {
        CouncilSession session = council.get(id, caller);
        if (session.minutesPdf == null) {
            throw Refusal.conflict("council-result-not-published", "council.result.not-published");
        }
        return session.minutesPdf;
    }

    /**
     * The minutes of a published session exactly as published, whoever asks (for the dossier of a candidate):
     * empty while the session is not published, or when there is no such session.
     */
    @Transactional
    public Optional<byte[]> publishedMinutes(UUID sessionId) {
        return Optional.ofNullable(CouncilSession.<CouncilSession>findById(sessionId)).map(session -> session.minutesPdf);
    }

    /** The published session that reviewed this proposal (the latest, should there be more than one), with its minutes. */
    @Transactional
    public Optional<PublishedReview> publishedReviewOf(long proposalId) {
        return CouncilSession.getEntityManager().createQuery("select s from CouncilSession s join s.agenda item where item.proposalId = ?1"
                        + " and s.status = ?2 order by s.publishedAt desc", CouncilSession.class)
                .setParameter(1, proposalId).setParameter(2, SessionStatus.PUBLISHED).setMaxResults(1).getResultStream().findFirst()
                .map(session -> new PublishedReview(session.id, session.heldOn, session.result.of(proposalId).orElseThrow(), session.minutesPdf));
    }

    /** What a published session decided about one candidate, with the session's minutes as published. */
    public record PublishedReview(UUID sessionId, LocalDate heldOn, CouncilResult.CandidateResult result, byte[] minutesPdf) {
    }
}
