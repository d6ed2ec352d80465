package vn.thidua.awards.catalogue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.awards.condition.Condition;

/** A rule set as the API shows it: its period in the succession, its sources and tags, and who ended it and why. */
public record RuleSetView(long id, String awardTypeCode, String legalBasis, LocalDate legalBasisDate, String legalBasisTag,
                          LocalDate effectiveFrom, LocalDate effectiveTo, Transition transition, String transitionTag,
                          List<Condition> eligibility, RuleSetDefinition.VotingRules voting, List<String> provincialChoices,
                          BigDecimal cashMultiple, String cashCitation, String cashTag, long version, String createdBy, Instant createdAt,
                          String endedBy, Instant endedAt, String endReason, CouncilReview council) {

    public static RuleSetView of(RuleSet r) {
        return new RuleSetView(r.id, r.awardTypeCode, r.legalBasis, r.legalBasisDate, r.legalBasisTag, r.effectiveFrom, r.effectiveTo,
                r.transition, r.transitionTag, r.eligibility, r.voting, r.provincialChoices, r.cashMultiple, r.cashCitation, r.cashTag,
                r.version, r.createdBy, r.createdAt, r.endedBy, r.endedAt, r.endReason, r.council);
    }
}
