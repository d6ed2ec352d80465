package vn.thidua.awards.council;

import vn.thidua.awards.proposal.Proposal;

/**
 * Whether a proposal may go before a Council session: asked for each candidate before it is put on the
 * agenda. {@link RuleSetAgendaGate} is the default; a bean of this type elsewhere (the proposals' own
 * eligibility checks) replaces it.
 */
public interface CouncilAgendaGate {

    /**
     * Admits the proposal to the session's agenda, or refuses.
     *
     * @throws CouncilRefusal naming why the proposal may not be reviewed by this session
     */
    void admit(Proposal proposal, CouncilSession session);
}
