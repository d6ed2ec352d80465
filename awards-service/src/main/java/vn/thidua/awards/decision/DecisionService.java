package vn.thidua.awards.decision;

import io.quarkus.security.ForbiddenException;
import vn.thidua.platform.domain.Refusal;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.thidua.awards.cash.BaseSalaryService;
import vn.thidua.awards.cash.CashAmount;
import vn.thidua.awards.catalogue.AwardLevel;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.condition.Recipient;
import vn.thidua.awards.ledger.Ledger;
import vn.thidua.awards.ledger.LedgerEntry;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalService;
import vn.thidua.awards.proposal.ProposalDecisions;
import vn.thidua.awards.proposal.ProposalDecisions.DecisionRecord;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.web.Messages;

/**
 * Records decisions: in one transaction, each unit the decision names has its live proposal of the
 * award and year decided ({@link ProposalDecisions#decide}, which writes the ledger), or nothing is
 * written at all; each ledger entry written also records the cash the award pays (the base salary
 * in force on the decision date × the multiple of the proposal's rule set). A decision is known by
 * its number and authority: posting the same one again returns what was recorded (the portal may
 * post twice), posting another content under them is a conflict.
 */
@ApplicationScoped
public class DecisionService {
        private static final List<ProposalStatus> ENDED = List.of(ProposalStatus.REJECTED, ProposalStatus.REVOKED);
    /** People of one unit in Vietnamese order (the JDK's collation for "vi"): "Đ" after "D", tones after the bare letter. */
    private static final Comparator<String> VIETNAMESE = java.text.Collator.getInstance(Locale.forLanguageTag("vi"))::compare;

    @Inject
    Clock clock;
    private final ProposalService proposals;
    private final ProposalDecisions decisions;
    private final BaseSalaryService baseSalaries;
    private final CatalogueService catalogue;
    private final Ledger ledger;

    public DecisionService(ProposalService proposals, ProposalDecisions decisions, BaseSalaryService baseSalaries,
                           CatalogueService catalogue, Ledger ledger) {
        this.proposals = proposals;
        this.decisions = decisions;
        this.baseSalaries = baseSalaries;
        this.catalogue = catalogue;
        this.ledger = ledger;
    }

    /** The decision and whether this call recorded it ({@code false}: it was recorded before, with the same content). */
    public record Recorded(DecisionView decision, boolean created) {
    }

    @Transactional
    public Recorded record(DecisionRequest request, Caller caller, Locale locale) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.PORTAL)) {
            throw new ForbiddenException("board, admin or portal only");
        }
        DecisionRequest.Checked checked = request.check(LocalDate.now(clock.withZone(VietnamTime.ZONE)));
        AwardType award = catalogue.find(checked.awardTypeCode()).orElse(null);
        if (award == null) {
            throw Refusal.unprocessable("award-type-not-found", "award-type.not-found", checked.awardTypeCode());
        }
        String authority = checked.authority() != null ? checked.authority() : award.decidingAuthority;
        // the same decision posted twice at once: the second waits here, then finds the first
        Decision.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "decision/" + authority + "/" + checked.number()).getSingleResult();
        Decision existing = Decision.<Decision>find("number = ?1 and authority = ?2", checked.number(), authority).firstResult();
        if (existing != null) {
            if (existing.says(checked.date(), award.code, checked.year(), checked.unitSet(), checked.personSet())) {
                return new Recorded(view(existing, locale), false);
            }
            throw Refusal.conflict("decision-exists", "decision.exists", checked.number(), authority, existing.id);
        }

        // an award to persons names persons, an award to units names units
        if (award.recipient == Recipient.PERSON && checked.persons().isEmpty()) {
            throw Refusal.unprocessable("decision-names-no-person", "decision.persons.required", award.code);
        }
        if (award.recipient == Recipient.UNIT && !checked.persons().isEmpty()) {
            throw Refusal.unprocessable("decision-names-persons", "decision.persons.not-allowed", award.code);
        }
        List<Named> named = award.recipient == Recipient.PERSON ? persons(checked, award.code) : units(checked, award.code);
        List<Proposal> toDecide = new ArrayList<>();
        List<Refusal.Reason> refused = new ArrayList<>();
        for (Named one : named) {
            Proposal live = one.live();
            String messages = "decision." + one.kind() + ".";
            // a proposal the caller may not see (a draft, to the portal) is refused as if there were none: its id and state stay hidden
            if (live == null || !proposals.canRead(live, caller)) {
                refused.add(new Refusal.Reason(one.field(), messages + "no-proposal", one.who(), award.code, checked.year()));
            } else if (!live.status.canMoveTo(ProposalStatus.DECIDED, proposals.route(live))) {
                refused.add(new Refusal.Reason(one.field(), messages + "not-decidable", one.who(), live.id, live.status,
                        decidableFrom(proposals.route(live))));
            } else if (one.inLedger().getAsBoolean()) {
                // e.g. imported from the paper records before the decision was posted: the ledger has it already
                refused.add(new Refusal.Reason(one.field(), messages + "in-ledger", one.who(), checked.number()));
            } else {
                toDecide.add(live);
            }
        }
        if (!refused.isEmpty()) {
            throw Refusal.unprocessable("no-decidable-proposal", "decision.units.not-decidable", refused.size()).because(refused);
        }

        Decision decision = new Decision();
        decision.number = checked.number();
        decision.date = checked.date();
        decision.authority = authority;
        decision.awardTypeCode = award.code;
        decision.year = checked.year();
        decision.recordedBy = caller.subject();
        decision.recordedAt = Instant.now(clock);
        decision.persistAndFlush();
        // proposals are locked in the order of their ids, so two decisions naming the same units cannot deadlock
        toDecide.sort(Comparator.comparing(p -> p.id));
        DecisionRecord record = new DecisionRecord(decision.number, decision.date, decision.authority);
        // in force on the decision date, as the law says, whenever the decision reaches us
        Optional<Long> baseSalary = baseSalaries.inForceOn(decision.date).map(salary -> salary.amount);
        for (Proposal proposal : toDecide) {
            Proposal decided = decisions.decide(proposal.id, record, caller);
            decision.units.add(new Decision.DecidedUnit(decided.unitCode, decided.id, decided.personId));
            RuleSet rules = catalogue.ruleSet(decided.ruleSetId).orElse(null);
            Optional<CashAmount> cash = CashAmount.of(baseSalary, rules == null ? null : rules.cashMultiple);
            for (LedgerEntry entry : ledger.writtenBy(decided.id, decision.number)) {
                entry.decisionId = decision.id;
                cash.ifPresent(entry::pay);
            }
        }
        decision.flush();
        return new Recorded(view(decision, locale), true);
    }

    /**
     * A unit or person the decision names: where in the request ({@code units[i]}, {@code persons[i]}), how its refusals name it,
     * its live proposal of the award and year (null when none), and whether the ledger has this decision's award for it already.
     */
    private record Named(String kind, String field, String who, Proposal live, BooleanSupplier inLedger) {
    }

    private List<Named> units(DecisionRequest.Checked checked, String award) {
        List<Named> named = new ArrayList<>();
        for (int i = 0; i < checked.units().size(); i++) {
            String unit = checked.units().get(i);
            Proposal live = Proposal.<Proposal>find("unitCode = ?1 and personId is null and awardTypeCode = ?2 and year = ?3 and status not in ?4",
                    unit, award, checked.year(), ENDED).firstResult();
            named.add(new Named("unit", "units[" + i + "]", unit, live, () -> ledger.holds(unit, award, checked.year(), checked.number())));
        }
        return named;
    }

    private List<Named> persons(DecisionRequest.Checked checked, String award) {
        List<Named> named = new ArrayList<>();
        for (int i = 0; i < checked.persons().size(); i++) {
            UUID person = checked.persons().get(i);
            Proposal live = Proposal.<Proposal>find("personId = ?1 and awardTypeCode = ?2 and year = ?3 and status not in ?4",
                    person, award, checked.year(), ENDED).firstResult();
            named.add(new Named("person", "persons[" + i + "]", person.toString(), live,
                    () -> ledger.holdsForPerson(person, award, checked.year(), checked.number())));
        }
        return named;
    }

    /** The decisions the caller may read, of a year and award when given, newest first. */
    @Transactional
    public List<DecisionView> list(Integer year, String awardTypeCode, Caller caller, Locale locale) {
        StringBuilder query = new StringBuilder("select distinct d from Decision d");
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (!readsAll(caller)) {
            if (caller.unit().isEmpty()) {
                return List.of();
            }
            query.append(" join d.units u");
            where.add("u.unitCode = :unit");
            params.and("unit", caller.unit().get());
        }
        if (year != null) {
            where.add("d.year = :year");
            params.and("year", year);
        }
        if (awardTypeCode != null && !awardTypeCode.isBlank()) {
            where.add("d.awardTypeCode = :award");
            params.and("award", awardTypeCode.strip());
        }
        if (!where.isEmpty()) {
            query.append(" where ").append(String.join(" and ", where));
        }
        query.append(" order by d.date desc, d.id desc");
        return Decision.<Decision>find(query.toString(), params).list().stream().map(d -> view(d, locale)).toList();
    }

    /** The decision, if the caller may read it (404 otherwise, so nobody learns what exists). */
    @Transactional
    public DecisionView get(long id, Caller caller, Locale locale) {
        Decision decision = Decision.findById(id);
        if (decision == null || !(readsAll(caller) || caller.unit().map(decision::names).orElse(false))) {
            throw Refusal.notFound("decision-not-found", "decision.not-found", id);
        }
        return view(decision, locale);
    }

    /** Everyone but a unit's representative or a cluster's leader reads every decision; they, those naming their unit. */
    static boolean readsAll(Caller caller) {
        return caller.hasAnyRole(Roles.ADMIN, Roles.BOARD, Roles.VIEWER, Roles.PORTAL);
    }

    private DecisionView view(Decision decision, Locale locale) {
        AwardType award = catalogue.find(decision.awardTypeCode).orElse(null);
        Map<String, String> names = KnownUnit.namesOf(decision.unitCodes());
        Map<Long, LedgerEntry> entries = ledger.ofDecision(decision.id).stream()
                .collect(Collectors.toMap(e -> e.proposalId, Function.identity(), (first, second) -> first));
        List<DecisionView.UnitView> units = decision.units.stream()
                .map(u -> unitView(u, names.get(u.unitCode), entries.get(u.proposalId), decision.date, locale))
                .sorted(Comparator.comparing(DecisionView.UnitView::unitCode)
                        .thenComparing(u -> u.personName() == null ? "" : u.personName(), VIETNAMESE)).toList();
        return new DecisionView(decision.id, decision.number, decision.date, decision.authority, decision.awardTypeCode,
                award == null ? null : award.name, decision.year, units, DecisionView.totalCash(units), decision.recordedBy,
                decision.recordedAt);
    }

    private DecisionView.UnitView unitView(Decision.DecidedUnit unit, String name, LedgerEntry entry, LocalDate date, Locale locale) {
        if (entry == null) {
            return new DecisionView.UnitView(unit.unitCode, name, unit.proposalId, null, null, null, null, false, unit.personId, null);
        }
        return new DecisionView.UnitView(unit.unitCode, name, unit.proposalId, entry.cashAmount, entry.baseSalary, entry.cashMultiple,
                cashNote(entry, date, locale), entry.revoked(), entry.personId, entry.personName);
    }

    /**
     * Why an award pays nothing, or is not counted: read from what does not change (a rule set's
     * multiple is never edited, the amount is computed once), so the reason given is the one that held
     * when the decision was recorded, even if a base salary for that day was entered since.
     */
    private String cashNote(LedgerEntry entry, LocalDate date, Locale locale) {
        if (entry.revoked()) {
            return Messages.text(locale, "cash.note.revoked");
        }
        if (entry.cashAmount != null) {
            return null;
        }
        RuleSet rules = entry.ruleSetId == null ? null : catalogue.ruleSet(entry.ruleSetId).orElse(null);
        if (rules == null || rules.cashMultiple == null) {
            return Messages.text(locale, "cash.note.no-multiple", rules == null ? "?" : rules.legalBasis);
        }
        return Messages.text(locale, "cash.note.no-base-salary", date.toString());
    }

    /** The status a proposal on this route is decided from, for the refusal's message. */
    private static ProposalStatus decidableFrom(ProposalStatus.Route route) {
        if (route.stateLevel()) {
            return ProposalStatus.FORWARDED;
        }
        return route.councilReviews() ? ProposalStatus.RECOMMENDED : ProposalStatus.APPRAISED;
    }
}
