package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import vn.thidua.awards.catalogue.AwardLevel;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;

/**
 * Loads proposals for a step and keeps the steps they took: each step written, appended to the audit trail,
 * published through the outbox and announced to the rest of the service ({@link ProposalMoved}), all in the
 * step's transaction.
 */
@ApplicationScoped
public class ProposalStore {
    private final ProposalAccess access;
    private final CatalogueService catalogue;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Event<ProposalMoved> moved;

    public ProposalStore(ProposalAccess access, CatalogueService catalogue, Outbox outbox, CloudEvents events, Event<ProposalMoved> moved) {
        this.access = access;
        this.catalogue = catalogue;
        this.outbox = outbox;
        this.events = events;
        this.moved = moved;
    }

    /** The proposal, if the caller may read it (404 otherwise, so nobody learns what exists). */
    Proposal get(long id, Caller caller) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null || !access.canRead(proposal, caller)) {
            throw notFound(id);
        }
        return proposal;
    }

    /** The proposal, for a check that needs no lock: 404 when there is none. */
    Proposal find(long id) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null) {
            throw notFound(id);
        }
        return proposal;
    }

    public Proposal lock(long id) {
        Proposal proposal = Proposal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (proposal == null) {
            throw notFound(id);
        }
        return proposal;
    }

    /**
     * The proposal, locked, for a step of the Board's or the portal's: 404 when the caller may not
     * read it (a draft, to the portal), exactly as when there is none, so that its state rules,
     * which would name its state, are never reached.
     */
    Proposal lockVisible(long id, Caller caller) {
        Proposal proposal = lock(id);
        access.requireReadable(proposal, caller);
        return proposal;
    }

    /**
     * The proposal, locked, for its proposer's step: 404 to a caller who may not even read it (as
     * {@link #get}, so a stranger learns nothing of it, not its state either), 403 to one who reads
     * but does not propose it. Checked before the step's state rules, which would tell its state.
     */
    Proposal lockAsProposer(long id, Caller caller) {
        Proposal proposal = lockVisible(id, caller);
        access.requireProposer(proposal, caller);
        return proposal;
    }

    /** Which way the proposal goes: a state-level award or not, reviewed by the Council (its rule set says) or not. */
    public ProposalStatus.Route route(Proposal proposal) {
        boolean councilReviews = catalogue.ruleSet(proposal.ruleSetId).map(rules -> rules.council != null).orElse(false);
        return new ProposalStatus.Route(catalogue.get(proposal.awardTypeCode).level == AwardLevel.STATE, councilReviews);
    }

    /**
     * Keeps a step the aggregate took: written now, appended to its audit trail, published through the outbox
     * and announced to the rest of the service ({@link ProposalMoved}), all in the step's transaction.
     */
    public Proposal record(Proposal proposal, ProposalMoved step, Caller caller) {
        proposal.flush();
        ProposalTransition transition = new ProposalTransition();
        transition.proposalId = proposal.id;
        transition.fromStatus = step.from();
        transition.toStatus = step.to();
        transition.reason = step.reason();
        transition.actor = caller.subject();
        transition.at = proposal.updatedAt;
        transition.persist();
        outbox.publish(ProposalEvents.TOPIC, events.create(ProposalEvents.SOURCE, ProposalEvents.STATUS_CHANGED, Long.toString(proposal.id),
                ProposalEvents.ProposalState.of(proposal, step.from())));
        moved.fire(step);
        return proposal;
    }

    private static Refusal notFound(long id) {
        return Refusal.notFound("proposal-not-found", "proposal.not-found", id);
    }
}
