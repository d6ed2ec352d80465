package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.condition.Condition;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.ledger.Ledger;
import vn.thidua.awards.proceeding.ProceedingService;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Text;

/** The end of a proposal's way: the decision that grants the award, written into the ledger, and its revocation. */
@ApplicationScoped
public class ProposalDecisions {
    private final ProposalStore store;
    private final CatalogueService catalogue;
    private final ProceedingService proceedings;
    private final Ledger ledger;
    private final Clock clock;

    public ProposalDecisions(ProposalStore store, CatalogueService catalogue, ProceedingService proceedings, Ledger ledger, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.proceedings = proceedings;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A decision as the Board or the portal records it for one proposal. */
    public record DecisionRecord(String number, LocalDate date, String authority) {
    }

    /** Records the decision that grants the award and writes it into the ledger; decisions ({@code decision/}) call it for each unit they name. */
    @Transactional
    public Proposal decide(long id, DecisionRecord decision, Caller caller) {
        ProposalAccess.requireBoardOrPortal(caller);
        Proposal proposal = store.lockVisible(id, caller);
        ProposalStatus.Route route = store.route(proposal);
        proposal.requireStep(ProposalStatus.DECIDED, route);
        String number = Text.clean(decision.number(), 100, "number", true);
        if (decision.date() == null) {
            throw Refusal.unprocessable("invalid-field", "problem.field.required", "date");
        }
        // checked before the proposal changes: the query flushes, and a decided proposal must carry its number
        if (proposal.ofPerson() ? ledger.holdsForPerson(proposal.personId, proposal.awardTypeCode, proposal.year, number)
                : ledger.holds(proposal.unitCode, proposal.awardTypeCode, proposal.year, number)) {
            throw Refusal.conflict("ledger-entry-exists", "proposal.ledger.exists", proposal.ofPerson() ? proposal.personName : proposal.unitCode,
                    number);
        }
        String authority = decision.authority() == null ? catalogue.get(proposal.awardTypeCode).decidingAuthority
                : Text.clean(decision.authority(), 300, "authority", true);
        requireNoOpenProceedings(proposal);
        Instant at = Instant.now(clock);
        store.record(proposal, proposal.decide(route, number, decision.date(), authority, at), caller);
        ledger.enter(new Ledger.DecidedAward(proposal.unitCode, proposal.personId, proposal.personName, proposal.awardTypeCode, proposal.year,
                proposal.decisionNumber,
                proposal.decisionDate, proposal.decidingAuthority, proposal.id, proposal.ruleSetId), caller.subject(), at);
        return proposal;
    }

    /** Revokes a decided award (reason and legal ground): the ledger entry is marked, never deleted. */
    @Transactional
    public Proposal revoke(long id, String reason, String legalGround, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = store.lock(id);
        ProposalStatus.Route route = store.route(proposal);
        proposal.requireStep(ProposalStatus.REVOKED, route);
        store.record(proposal, proposal.revoke(route, Text.clean(reason, 2000, "reason", true),
                Text.clean(legalGround, 500, "legalGround", true), Instant.now(clock)), caller);
        ledger.revokeOf(proposal.id, proposal.updatedAt, proposal.statusReason, proposal.legalGround);
        return proposal;
    }

    /** The rule forbids the award itself, not only the proposal, while a proceeding is open; cited as the rule set cites it. */
    private void requireNoOpenProceedings(Proposal proposal) {
        RuleSet rules = catalogue.ruleSet(proposal.ruleSetId).orElseThrow();
        List<Facts.OpenProceeding> open = proceedings.openOf(proposal.unitCode);
        Optional<Condition> noProceedings = rules.eligibility.stream().flatMap(c -> c.find("NO_PENDING_PROCEEDINGS").stream()).findFirst();
        if (!open.isEmpty() && noProceedings.isPresent()) {
            String citation = noProceedings.get().citation() != null ? noProceedings.get().citation() : rules.legalBasis;
            throw Refusal.unprocessable("proceeding-open", "proposal.decide.proceeding-open", proposal.unitCode, open.size(), citation);
        }
    }
}
