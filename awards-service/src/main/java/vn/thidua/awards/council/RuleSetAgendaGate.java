package vn.thidua.awards.council;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.awards.vote.SessionStatus;

/**
 * The checks the Council itself needs, until the proposals' own gate replaces it: the Board has appraised
 * the proposal, its rule set sends it to the Council body of this session, and no other session still
 * reviewing its candidates has it.
 */
@ApplicationScoped
@DefaultBean
public class RuleSetAgendaGate implements CouncilAgendaGate {

    @Override
    public void admit(Proposal proposal, CouncilSession session) {
        // a session is done with its candidates once published; until then a candidate belongs to it alone
        long elsewhere = CouncilSession.getEntityManager().createQuery("select count(s) from CouncilSession s join s.agenda item"
                        + " where item.proposalId = ?1 and s.id <> ?2 and s.status <> ?3", Long.class)
                .setParameter(1, proposal.id).setParameter(2, session.id).setParameter(3, SessionStatus.PUBLISHED).getSingleResult();
        if (elsewhere > 0) {
            throw new CouncilRefusal(CouncilProblems.ELSEWHERE, "council.gate.elsewhere", proposal.id);
        }
        if (proposal.status != ProposalStatus.APPRAISED) {
            throw new CouncilRefusal("council-candidate-not-appraised", "council.gate.not-appraised", proposal.id, proposal.status);
        }
        RuleSet rules = RuleSet.findById(proposal.ruleSetId);
        if (rules == null || rules.council == null) {
            throw new CouncilRefusal("council-candidate-not-reviewed", "council.gate.no-review", proposal.id, proposal.awardTypeCode);
        }
        if (rules.council.body() != session.body) {
            throw new CouncilRefusal("council-candidate-other-body", "council.gate.other-body", proposal.id, rules.council.body(), session.body);
        }
    }
}
