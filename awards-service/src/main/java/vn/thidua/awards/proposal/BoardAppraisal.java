package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Text;

/**
 * The Board's steps between a submitted dossier and the decision: sending it back, appraising it, forwarding it to
 * the Prime Minister, rejecting it — and the national Board's return. The portal takes the steps it reports.
 */
@ApplicationScoped
public class BoardAppraisal {
    private final ProposalStore store;
    private final Clock clock;

    public BoardAppraisal(ProposalStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The Board (or the portal) sends it back to the proposer with the reason. */
    @Transactional
    public Proposal returnToProposer(long id, String reason, Caller caller) {
        ProposalAccess.requireBoardOrPortal(caller);
        Proposal proposal = store.lockVisible(id, caller);
        ProposalStatus.Route route = store.route(proposal);
        // the state is refused before the reason is read, so a wrong step is told as such whatever its body
        proposal.requireStep(ProposalStatus.RETURNED, route);
        return store.record(proposal, proposal.returnToProposer(route, reason(reason), now()), caller);
    }

    @Transactional
    public Proposal startAppraisal(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = store.lock(id);
        return store.record(proposal, proposal.startAppraisal(store.route(proposal), now()), caller);
    }

    @Transactional
    public Proposal appraise(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = store.lock(id);
        return store.record(proposal, proposal.appraise(store.route(proposal), now()), caller);
    }

    /** A state-level award without a Council review goes on to the Prime Minister's office through the Ministry of Home Affairs. */
    @Transactional
    public Proposal forward(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = store.lock(id);
        return store.record(proposal, proposal.forward(store.route(proposal), null, now()), caller);
    }

    /** A recommended state-level candidate leaves in the province's submission (submission/ calls it for each it covers). */
    @Transactional
    public Proposal forwardInSubmission(long id, long submissionId, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = store.lock(id);
        return store.record(proposal, proposal.forward(store.route(proposal), submissionId, now()), caller);
    }

    /** The national Board sent the province's submission back: the candidate is the province's again, with the reason. */
    @Transactional
    public Proposal returnedByNation(long id, String reason, Caller caller) {
        ProposalAccess.requireBoardOrPortal(caller);
        Proposal proposal = store.lockVisible(id, caller);
        return store.record(proposal, proposal.returnedByNation(store.route(proposal), reason, now()), caller);
    }

    @Transactional
    public Proposal reject(long id, String reason, Caller caller) {
        ProposalAccess.requireBoardOrPortal(caller);
        Proposal proposal = store.lockVisible(id, caller);
        ProposalStatus.Route route = store.route(proposal);
        proposal.requireStep(ProposalStatus.REJECTED, route);
        return store.record(proposal, proposal.reject(route, reason(reason), now()), caller);
    }

    private Instant now() {
        return Instant.now(clock);
    }

    private static String reason(String reason) {
        return Text.clean(reason, 2000, "reason", true);
    }
}
