package vn.thidua.awards.catalogue;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.panache.common.Sort;
import java.sql.Date;
import vn.thidua.awards.condition.AwardKind;
import vn.thidua.awards.condition.Recipient;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.security.Caller;

/** The Board keeps the award catalogue and each award's rule sets. */
@ApplicationScoped
public class CatalogueService {
    @Inject
    Clock clock;

    /** {@code recipient} null: UNIT for a new award type, unchanged for an existing one. */
    public record AwardTypeInput(String name, AwardLevel level, String decidingAuthority, AwardKind kind, Recipient recipient) {
    }

    private final ObjectMapper mapper;

    public CatalogueService(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional
    public AwardType save(String code, AwardTypeInput input, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        if (input.name() == null || input.level() == null || input.decidingAuthority() == null) {
            throw Refusal.unprocessable("invalid-award-type", "award-type.invalid");
        }
        AwardType type = AwardType.findById(code);
        if (type == null) {
            type = new AwardType();
            type.code = code;
        } else {
            expected.requireMatches(type.version);
        }
        type.name = input.name();
        type.level = input.level();
        type.decidingAuthority = input.decidingAuthority();
        type.kind = input.kind() == null ? AwardKind.MERIT : input.kind();
        if (input.recipient() != null && input.recipient() != type.recipient) {
            // the rule sets' conditions speak of the recipient: a unit's ranking means nothing for a person
            requireNoRuleSets(code);
            type.recipient = input.recipient();
        }
        type.updatedBy = caller.subject();
        type.updatedAt = Instant.now(clock);
        type.persistAndFlush();
        return type;
    }

    /** Adds a rule set; its period may not overlap another of the same award, so one rule set is in force on any day. */
    @Transactional
    public RuleSet addRuleSet(String awardTypeCode, RuleSetDefinition definition, Caller caller) {
        caller.requireBoardOrAdmin();
        AwardType type = AwardType.findById(awardTypeCode, LockModeType.PESSIMISTIC_WRITE);
        if (type == null) {
            throw Refusal.notFound("award-type-not-found", "award-type.not-found", awardTypeCode);
        }
        definition.validate(type.recipient);
        for (RuleSet existing : ruleSets(awardTypeCode)) {
            if (existing.definition().overlaps(definition)) {
                throw Refusal.unprocessable("rule-sets-overlap", "ruleset.overlap", existing.id, existing.legalBasis,
                        existing.effectiveFrom.toString(), existing.effectiveTo == null ? "…" : existing.effectiveTo.toString());
            }
        }
        RuleSet ruleSet = new RuleSet();
        ruleSet.awardTypeCode = awardTypeCode;
        ruleSet.legalBasis = definition.legalBasis();
        ruleSet.legalBasisDate = definition.legalBasisDate();
        ruleSet.legalBasisTag = definition.legalBasisTag();
        ruleSet.effectiveFrom = definition.effectiveFrom();
        ruleSet.effectiveTo = definition.effectiveTo();
        ruleSet.transition = definition.transition();
        ruleSet.transitionTag = definition.transitionTag();
        ruleSet.eligibility = new ArrayList<>(definition.eligibility());
        ruleSet.voting = definition.voting();
        ruleSet.provincialChoices = new ArrayList<>(definition.provincialChoices());
        ruleSet.cashMultiple = definition.cashMultiple();
        ruleSet.cashCitation = definition.cashCitation();
        ruleSet.cashTag = definition.cashTag();
        ruleSet.council = definition.council();
        ruleSet.createdBy = caller.subject();
        ruleSet.createdAt = Instant.now(clock);
        ruleSet.persistAndFlush();
        audit(ruleSet, "CREATED", null, null, caller);
        return ruleSet;
    }

    /**
     * Ends an open rule set on {@code effectiveTo} (inclusive), once, when the next text applies: the
     * only change a rule set ever takes. Refused when it was ended before, when the end comes before
     * its start, or before a day on which a vote or proposal was already judged under it (that would
     * change what they rested on); the next rule set may then start the day after.
     */
    @Transactional
    public RuleSet end(String awardTypeCode, long id, LocalDate effectiveTo, String reason, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        AwardType type = AwardType.findById(awardTypeCode, LockModeType.PESSIMISTIC_WRITE);
        RuleSet ruleSet = type == null ? null : RuleSet.findById(id);
        if (ruleSet == null || !ruleSet.awardTypeCode.equals(awardTypeCode)) {
            throw Refusal.notFound("rule-set-not-found", "ruleset.not-found", id, awardTypeCode);
        }
        expected.requireMatches(ruleSet.version);
        List<Refusal.Reason> problems = new ArrayList<>();
        if (effectiveTo == null) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.date.required"));
        }
        if (reason == null) {
            problems.add(new Refusal.Reason("reason", "problem.field.required", "reason"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-rule-set-end", "ruleset.invalid", problems.size()).because(problems);
        }
        if (ruleSet.effectiveTo != null) {
            throw Refusal.conflict("rule-set-ended", "ruleset.end.already", id, ruleSet.effectiveTo.toString(),
                    String.valueOf(ruleSet.endedBy));
        }
        if (effectiveTo.isBefore(ruleSet.effectiveFrom)) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.effective.order"));
        }
        LocalDate lastJudged = lastJudgedUnder(id);
        if (lastJudged != null && effectiveTo.isBefore(lastJudged)) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.end.before-judged", lastJudged.toString()));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-rule-set-end", "ruleset.invalid", problems.size()).because(problems);
        }
        Object before = RuleSetView.of(ruleSet);
        ruleSet.effectiveTo = effectiveTo;
        ruleSet.endReason = reason;
        ruleSet.endedBy = caller.subject();
        ruleSet.endedAt = Instant.now(clock);
        ruleSet.version++;
        ruleSet.persistAndFlush();
        audit(ruleSet, "ENDED", before, reason, caller);
        return ruleSet;
    }

    private void requireNoRuleSets(String code) {
        if (!ruleSets(code).isEmpty()) {
            throw Refusal.unprocessable("award-type-recipient-fixed", "award-type.recipient.fixed", code);
        }
    }

    /** The latest day whose rules a vote or proposal was judged by under this rule set; null when none was. */
    private static LocalDate lastJudgedUnder(long ruleSetId) {
        Object latest = RuleSet.getEntityManager().createNativeQuery("""
                        SELECT max(day) FROM (
                            SELECT coalesce(CAST(rule_set_chosen_because->>'judgedOn' AS date), CAST(created_at AS date)) AS day
                            FROM voting_session WHERE rule_set_id = ?1
                            UNION ALL
                            SELECT CAST(rule_set_chosen_because->>'judgedOn' AS date) FROM proposal
                            WHERE rule_set_id = ?1 AND received_on IS NOT NULL AND rule_set_chosen_because IS NOT NULL
                        ) judged""")
                .setParameter(1, ruleSetId).getSingleResult();
        return latest == null ? null : latest instanceof Date date ? date.toLocalDate() : (LocalDate) latest;
    }

    private void audit(RuleSet ruleSet, String action, Object before, String reason, Caller caller) {
        try {
            RuleSet.getEntityManager().createNativeQuery("""
                            INSERT INTO rule_set_audit (rule_set_id, action, before, after, reason, actor, at)
                            VALUES (?1, ?2, CAST(?3 AS jsonb), CAST(?4 AS jsonb), ?5, ?6, ?7)""")
                    .setParameter(1, ruleSet.id).setParameter(2, action)
                    .setParameter(3, before == null ? null : mapper.writeValueAsString(before))
                    .setParameter(4, mapper.writeValueAsString(RuleSetView.of(ruleSet))).setParameter(5, reason)
                    .setParameter(6, caller.subject()).setParameter(7, Instant.now(clock)).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A rule set's view is plain JSON", e);
        }
    }

    /**
     * The rule set that judges a vote held, or a dossier received, on {@code receivedOn} for the
     * achievements of {@code achievementYear} ({@link RuleSetChoice#choose}); 422 when none does.
     */
    public RuleSetChoice choose(String awardTypeCode, int achievementYear, LocalDate receivedOn) {
        get(awardTypeCode);
        List<RuleSetChoice.Period> periods = ruleSets(awardTypeCode).stream()
                .map(r -> new RuleSetChoice.Period(r.id, r.effectiveFrom, r.effectiveTo, r.transition)).toList();
        return RuleSetChoice.choose(periods, achievementYear, receivedOn).orElseThrow(() -> Refusal.unprocessable(
                "no-rule-set-in-force", "ruleset.none-judges", awardTypeCode, achievementYear, receivedOn.toString()));
    }

    public AwardType get(String code) {
        AwardType type = AwardType.findById(code);
        if (type == null) {
            throw Refusal.notFound("award-type-not-found", "award-type.not-found", code);
        }
        return type;
    }

    public List<AwardType> all() {
        return AwardType.listAll(Sort.by("level").and("code"));
    }

    public List<RuleSet> ruleSets(String awardTypeCode) {
        return RuleSet.list("awardTypeCode = ?1 order by effectiveFrom", awardTypeCode);
    }

    /** The rule set in force on that day. */
    public RuleSet inForce(String awardTypeCode, LocalDate on) {
        get(awardTypeCode);
        Optional<RuleSet> found = ruleSets(awardTypeCode).stream().filter(r -> r.definition().inForceOn(on)).findFirst();
        return found.orElseThrow(() -> Refusal.notFound("no-rule-set-in-force", "ruleset.none-in-force", awardTypeCode, on.toString()));
    }

    /** A rule set by its id; none when there is no such rule set. */
    public Optional<RuleSet> ruleSet(long id) {
        return RuleSet.findByIdOptional(id);
    }

    /** An award type by its code; none when the catalogue does not have it. */
    public Optional<AwardType> find(String code) {
        return AwardType.findByIdOptional(code);
    }

    /** The award type's name, its code when the catalogue no longer has it. */
    public String nameOf(String code) {
        AwardType type = AwardType.findById(code);
        return type == null ? code : type.name;
    }

    /**
     * Locks the award type until the transaction ends, so that two submissions of it, one after the other, cannot both
     * take the last place of its quota.
     */
    public void lockForSubmission(String code) {
        AwardType.findById(code, LockModeType.PESSIMISTIC_WRITE);
    }
}
