package vn.thidua.awards.proposal;

/**
 * Fired (as a CDI event, inside the transaction that moved the proposal) after every step of a
 * proposal's life, so that other parts of the service — the portal delivery — act in the same
 * transaction without the proposal knowing them.
 */
public record ProposalMoved(long proposalId, ProposalStatus from, ProposalStatus to) {
}
