package vn.thidua.awards.proposal;

/**
 * A step of a proposal's life, as its aggregate returns it ({@code reason}: why, for a return, a rejection or a
 * revocation). Fired as a CDI event, inside the transaction that moved the proposal, so that other parts of the
 * service — the portal delivery, the province's submission — act in the same transaction without the proposal
 * knowing them.
 */
public record ProposalMoved(long proposalId, ProposalStatus from, ProposalStatus to, String reason) {
    public ProposalMoved(long proposalId, ProposalStatus from, ProposalStatus to) {
        this(proposalId, from, to, null);
    }
}
