package vn.thidua.awards.catalogue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.ProblemException;
import vn.thidua.platform.web.Versions;

/** The Board keeps the award catalogue and each award's rule sets. */
@ApplicationScoped
public class CatalogueService {
    private final Clock clock = Clock.systemUTC();

    public record AwardTypeInput(String name, AwardLevel level, String decidingAuthority, BigDecimal cashMultiple) {
    }

    @Transactional
    public AwardType save(String code, AwardTypeInput input, String ifMatch, Caller caller) {
        caller.requireBoardOrAdmin();
        if (input.name() == null || input.level() == null || input.decidingAuthority() == null
                || input.cashMultiple() == null || input.cashMultiple().signum() < 0) {
            throw ProblemException.unprocessable("invalid-award-type", "award-type.invalid");
        }
        AwardType type = AwardType.findById(code);
        if (type == null) {
            type = new AwardType();
            type.code = code;
        } else {
            Versions.requireMatch(ifMatch, type.version);
        }
        type.name = input.name();
        type.level = input.level();
        type.decidingAuthority = input.decidingAuthority();
        type.cashMultiple = input.cashMultiple();
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
            throw ProblemException.notFound("award-type-not-found", "award-type.not-found", awardTypeCode);
        }
        definition.validate();
        for (RuleSet existing : ruleSets(awardTypeCode)) {
            if (existing.definition().overlaps(definition)) {
                throw ProblemException.unprocessable("rule-sets-overlap", "ruleset.overlap", existing.id, existing.legalBasis,
                        existing.effectiveFrom.toString(), existing.effectiveTo == null ? "…" : existing.effectiveTo.toString());
            }
        }
        RuleSet ruleSet = new RuleSet();
        ruleSet.awardTypeCode = awardTypeCode;
        ruleSet.legalBasis = definition.legalBasis();
        ruleSet.legalBasisDate = definition.legalBasisDate();
        ruleSet.effectiveFrom = definition.effectiveFrom();
        ruleSet.effectiveTo = definition.effectiveTo();
        ruleSet.eligibility = new ArrayList<>(definition.eligibility());
        ruleSet.voting = definition.voting();
        ruleSet.provincialChoices = new ArrayList<>(definition.provincialChoices());
        ruleSet.createdBy = caller.subject();
        ruleSet.createdAt = Instant.now(clock);
        ruleSet.persist();
        return ruleSet;
    }

    public AwardType get(String code) {
        AwardType type = AwardType.findById(code);
        if (type == null) {
            throw ProblemException.notFound("award-type-not-found", "award-type.not-found", code);
        }
        return type;
    }

    public List<AwardType> all() {
        return AwardType.listAll(io.quarkus.panache.common.Sort.by("level").and("code"));
    }

    public List<RuleSet> ruleSets(String awardTypeCode) {
        return RuleSet.list("awardTypeCode = ?1 order by effectiveFrom", awardTypeCode);
    }

    /** The rule set in force on that day. */
    public RuleSet inForce(String awardTypeCode, LocalDate on) {
        get(awardTypeCode);
        Optional<RuleSet> found = ruleSets(awardTypeCode).stream().filter(r -> r.definition().inForceOn(on)).findFirst();
        return found.orElseThrow(() -> ProblemException.notFound("no-rule-set-in-force", "ruleset.none-in-force", awardTypeCode, on.toString()));
    }
}
