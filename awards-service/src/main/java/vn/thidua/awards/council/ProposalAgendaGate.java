package vn.thidua.awards.council;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.condition.Outcome;
import vn.thidua.awards.condition.Verdict;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.awards.proceeding.ProceedingService;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalEligibility;
import vn.thidua.platform.domain.Refusal;

/**
 * The cross-check before the Council (Decree 152/2025 Art. 4(4)): besides the Council's own checks, a candidate goes
 * on the agenda only if no proceeding against it is open — the agencies' lists recorded as proceedings exclude it,
 * with the reason — and its rule set's conditions still hold today: for the Government flag, that it is recorded as
 * the emulation leader of its cluster/block and within the quota of leaders province-wide.
 */
@ApplicationScoped
public class ProposalAgendaGate extends RuleSetAgendaGate {
    private final ProposalEligibility proposals;
    private final ProceedingService proceedings;

    public ProposalAgendaGate(ProposalEligibility proposals, ProceedingService proceedings) {
        this.proposals = proposals;
        this.proceedings = proceedings;
    }

    @Override
    public void admit(Proposal proposal, CouncilSession session) {
        super.admit(proposal, session);
        List<Facts.OpenProceeding> open = proceedings.openOf(proposal.unitCode);
        if (!open.isEmpty()) {
            List<Refusal.Reason> reasons = open.stream().map(p -> new Refusal.Reason("proceedings[" + p.id() + "]",
                    "council.gate.proceeding", p.kind(), p.source(), p.openedOn().toString())).toList();
            throw new CouncilRefusal("council-candidate-proceeding-open", "council.gate.proceeding-open", proposal.id, proposal.unitCode,
                    open.size()).because(reasons);
        }
        List<Verdict> verdicts = proposals.currentVerdicts(proposal);
        if (Vocabulary.outcome(verdicts) != Outcome.PASS) {
            List<Refusal.Reason> reasons = new ArrayList<>();
            for (Verdict verdict : verdicts) {
                for (Verdict blocking : verdict.blocking()) {
                    reasons.add(new Refusal.Reason("eligibility." + blocking.kind(), blocking.messageKey(), blocking.args().toArray()));
                }
            }
            throw new CouncilRefusal("council-candidate-not-eligible", "council.gate.not-eligible", proposal.id, proposal.unitCode,
                    reasons.size()).because(reasons);
        }
    }
}
