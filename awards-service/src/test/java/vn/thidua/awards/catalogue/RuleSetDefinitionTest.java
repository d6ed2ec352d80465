package vn.thidua.awards.catalogue;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.catalogue.RuleSetDefinition.EligibilityKind;
import vn.thidua.awards.catalogue.RuleSetDefinition.EligibilityRule;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingRules;
import vn.thidua.platform.web.ProblemException;

class RuleSetDefinitionTest {

    static RuleSetDefinition governmentFlag(LocalDate from, LocalDate to) {
        return new RuleSetDefinition("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP", LocalDate.of(2023, 12, 31),
                from, to,
                List.of(new EligibilityRule(EligibilityKind.LEADS_CLUSTER, null, null),
                        new EligibilityRule(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(20), null)),
                new VotingRules(true, BigDecimal.valueOf(50), BigDecimal.valueOf(50), VotingBasis.ALL_MEMBERS, true, true),
                List.of("voting.thresholdPercent", "voting.quorumPercent"));
    }

    @Test
    void aRuleSetFollowingTheLawPasses() {
        assertDoesNotThrow(() -> governmentFlag(LocalDate.of(2024, 1, 1), null).validate());
    }

    @Test
    void everyBrokenRuleIsListed() {
        RuleSetDefinition broken = new RuleSetDefinition(" ", null, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1),
                List.of(new EligibilityRule(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(120), null),
                        new EligibilityRule(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.TEN, null),
                        new EligibilityRule(null, null, null),
                        new EligibilityRule(EligibilityKind.HELD_IN_PREVIOUS_YEARS, new BigDecimal("1.5"), null)),
                new VotingRules(true, BigDecimal.valueOf(-1), BigDecimal.ZERO, VotingBasis.PRESENT, false, null), null);
        ProblemException problem = assertThrows(ProblemException.class, broken::validate);
        assertEquals(List.of("ruleset.legal-basis.required", "ruleset.date.required", "ruleset.effective.order",
                        "ruleset.eligibility.value", "ruleset.eligibility.duplicate", "ruleset.eligibility.kind",
                        "ruleset.eligibility.value", "ruleset.eligibility.award", "ruleset.voting.percent", "ruleset.voting.percent"),
                problem.errors().stream().map(ProblemException.FieldProblem::messageKey).toList());
    }

    @Test
    void fractionsMustBeSharesOfTheWhole() {
        for (String[] bad : new String[][] {{"3/2", "2/3"}, {"2/3", "0/3"}, {"2/0", "1/2"}, {"hai phần ba", "2/3"}, {"2/3", "-1/3"}}) {
            RuleSetDefinition rules = new RuleSetDefinition("Quy chế cụm", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 1, 1), null, List.of(),
                    new VotingRules(true, null, null, VotingBasis.ALL_MEMBERS, true, false, bad[0], bad[1]), null);
            ProblemException problem = assertThrows(ProblemException.class, rules::validate, () -> String.join(" ", bad));
            assertEquals(1, problem.errors().size(), () -> String.join(" ", bad));
        }
        assertDoesNotThrow(() -> new RuleSetDefinition("Quy chế cụm", LocalDate.of(2024, 6, 3), LocalDate.of(2024, 1, 1), null, List.of(),
                new VotingRules(true, null, null, VotingBasis.ALL_MEMBERS, true, false, "2/3", "1/2"), null).validate());
    }

    @Test
    void periodsAreInclusiveAndOpenEndedOnesRunOn() {
        RuleSetDefinition old = governmentFlag(LocalDate.of(2017, 10, 1), LocalDate.of(2023, 12, 31));
        RuleSetDefinition current = governmentFlag(LocalDate.of(2024, 1, 1), null);
        assertTrue(old.inForceOn(LocalDate.of(2023, 12, 31)));
        assertFalse(old.inForceOn(LocalDate.of(2024, 1, 1)));
        assertTrue(current.inForceOn(LocalDate.of(2099, 1, 1)));
        assertFalse(old.overlaps(current));
        assertTrue(current.overlaps(governmentFlag(LocalDate.of(2025, 7, 1), null)));
        assertTrue(old.overlaps(governmentFlag(LocalDate.of(2023, 12, 31), LocalDate.of(2024, 6, 1))));
    }
}
