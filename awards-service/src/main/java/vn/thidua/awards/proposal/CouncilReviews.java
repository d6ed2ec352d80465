package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import java.util.Set;
import vn.thidua.awards.council.CandidatesPutOnAgenda;
import vn.thidua.awards.council.CouncilConcluded;
import vn.thidua.awards.council.CouncilResult;
import vn.thidua.awards.council.CouncilSession;
import vn.thidua.platform.security.Caller;

/**
 * Moves proposals along the Council's review, in the Council's own transactions: on its agenda they are under
 * review (COUNCIL_REVIEW); once it publishes, each is recommended or not (RECOMMENDED or REJECTED, with the ballot
 * result) and its dossier gets the Council's minutes as published — the document the province's submission needs.
 */
@ApplicationScoped
public class CouncilReviews {
    private final ProposalStore proposals;
    private final Dossier dossier;

    public CouncilReviews(ProposalStore proposals, Dossier dossier) {
        this.proposals = proposals;
        this.dossier = dossier;
    }

    void onAgenda(@Observes CandidatesPutOnAgenda agenda) {
        Caller actor = actor(agenda.actor());
        for (Long id : agenda.proposalIds()) {
            Proposal proposal = proposals.lock(id);
            proposals.record(proposal, proposal.putBeforeCouncil(proposals.route(proposal), agenda.sessionId(), java.time.Instant.now()), actor);
        }
    }

    void onConcluded(@Observes CouncilConcluded concluded) {
        Caller actor = actor(concluded.publishedBy());
        CouncilSession session = CouncilSession.findById(concluded.sessionId());
        String minutesFile = "bien-ban-hop-hoi-dong-tdkt-" + concluded.sessionId() + ".pdf";
        for (CouncilConcluded.CandidateOutcome candidate : concluded.candidates()) {
            Proposal proposal = proposals.lock(candidate.proposalId());
            dossier.attachGenerated(proposal, DossierFile.Kind.COUNCIL_MINUTES, minutesFile, session.minutesPdf, actor);
            boolean recommended = candidate.outcome() == CouncilResult.Outcome.RECOMMENDED;
            proposals.record(proposal, proposal.councilConcluded(proposals.route(proposal), concluded.sessionId(), recommended,
                    "Hội đồng Thi đua - Khen thưởng tỉnh: " + candidate.tally(), java.time.Instant.now()), actor);
        }
    }

    /** Who took the Council's step, as the proposals' audit trail names the actor. */
    private static Caller actor(String subject) {
        return new Caller(subject, Set.of(), Optional.empty());
    }
}
