package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import vn.thidua.awards.proposal.Dossier;
import vn.thidua.awards.proposal.DossierFile;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalStore;
import vn.thidua.platform.security.Caller;

/**
 * Moves proposals along the Council's review (the Council's side of the proposals it reviews), in the Council's own transactions: on its agenda they are under
 * review (COUNCIL_REVIEW); once it publishes, each is recommended or not (RECOMMENDED or REJECTED, with the ballot
 * result) and its dossier gets the Council's minutes as published — the document the province's submission needs.
 */
@ApplicationScoped
public class ProposalReviews {
    private final ProposalStore proposals;
    private final Dossier dossier;
    private final Clock clock;

    public ProposalReviews(ProposalStore proposals, Dossier dossier, Clock clock) {
        this.proposals = proposals;
        this.dossier = dossier;
        this.clock = clock;
    }

    void onAgenda(@Observes CandidatesPutOnAgenda agenda) {
        Caller actor = actor(agenda.actor());
        for (Long id : agenda.proposalIds()) {
            Proposal proposal = proposals.lock(id);
            proposals.record(proposal, proposal.putBeforeCouncil(proposals.route(proposal), agenda.sessionId(), Instant.now(clock)), actor);
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
                    "Hội đồng Thi đua - Khen thưởng tỉnh: " + candidate.tally(), Instant.now(clock)), actor);
        }
    }

    /** Who took the Council's step, as the proposals' audit trail names the actor. */
    private static Caller actor(String subject) {
        return new Caller(subject, Set.of(), Optional.empty());
    }
}
