package vn.thidua.awards.catalogue;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Map;
import vn.thidua.awards.condition.Condition;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingRules;

class RuleSetDefinitionTest {

    static RuleSetDefinition governmentFlag(LocalDate from, LocalDate to) {
        return rules("Luật Thi đua, khen thưởng 06/2022/QH15; Nghị định 98/2023/NĐ-CP", LocalDate.of(2017, 7, 31), from, to,
                List.of(Condition.of("LEADS_CLUSTER", null, "Luật 06/2022/QH15 Điều 25(1)", "V"),
                        Condition.of("QUOTA_PERCENT_OF_CLUSTER_LEADERS", Map.of("percent", JsonNodeFactory.instance.numberNode(20)),
                                "Công văn 5007/BNV-TĐKT", "V")),
                new VotingRules(true, BigDecimal.valueOf(50), BigDecimal.valueOf(50), VotingBasis.ALL_MEMBERS, true, true),
                List.of("voting.thresholdPercent", "voting.quorumPercent"));
    }

    static RuleSetDefinition rules(String basis, LocalDate basisDate, LocalDate from, LocalDate to, List<Condition> conditions,
                                   VotingRules voting, List<String> choices) {
        return new RuleSetDefinition(basis, basisDate, null, from, to, null, null, conditions, voting, choices, null, null, null, null);
    }

    static Condition legacy(String kind, BigDecimal value, String awardTypeCode) {
        return new Condition(kind, null, null, null, null, null, value, awardTypeCode);
    }

    static Map<String, JsonNode> params(Object... pairs) {
        Map<String, JsonNode> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put((String) pairs[i], new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(pairs[i + 1]));
        }
        return params;
    }

    @Test
    void theFormerSingleValueIsReadAsTheKindsNamedParameter() {
        assertEquals(BigDecimal.valueOf(20), legacy("QUOTA_PERCENT_OF_CLUSTER_LEADERS", BigDecimal.valueOf(20), null).parameters().get("percent")
                .decimalValue());
        Condition streak = legacy("HELD_IN_PREVIOUS_YEARS", BigDecimal.valueOf(2), "CO_THI_DUA_TINH");
        assertEquals(2, streak.parameters().get("years").intValue());
        assertEquals("CO_THI_DUA_TINH", streak.parameters().get("awardTypeCode").textValue());
        assertEquals(null, streak.value());
    }

    @Test
    void unknownKindsAndParametersAndBadShapesAreListedWhereTheyAre() {
        RuleSetDefinition broken = rules("Nghị định 999/2027/NĐ-CP", LocalDate.of(2027, 1, 1), LocalDate.of(2027, 3, 1), null,
                List.of(Condition.of("LEADS_THE_WORLD", null, null, null),
                        Condition.of("RANKS_WITHIN", params("n", 3, "colour", "đỏ"), null, "V"),
                        Condition.anyOf(List.of(Condition.of("MEMBER_SHARE", params("measure", "CATS", "atLeastPercent", 70), null, null),
                                Condition.of("RATING_STREAK", params(), null, null)), "Điều 4", "maybe"),
                        Condition.allOf(List.of(), null, null),
                        Condition.of("MEMBER_SHARE", params("measure", "WOMEN"), null, null),
                        Condition.of("MIN_TOTAL_POINTS", params("points", "nhiều"), null, null)),
                new VotingRules(true, BigDecimal.valueOf(50), BigDecimal.valueOf(50), VotingBasis.ALL_MEMBERS, true, true), null);
        Refusal problem = assertThrows(Refusal.class, broken::validate);
        assertEquals(List.of("eligibility[0].kind", "eligibility[1].params.colour", "eligibility[2].tag",
                        "eligibility[2].any[0].params.measure", "eligibility[2].any[1].params.years", "eligibility[3].all",
                        "eligibility[4].params", "eligibility[5].params.points"),
                problem.reasons().stream().map(Refusal.Reason::field).toList());
    }

    @Test
    void aRuleCannotTakeEffectBeforeItsTextWasIssued() {
        RuleSetDefinition early = rules("Nghị định 152/2025/NĐ-CP", LocalDate.of(2025, 6, 14), LocalDate.of(2025, 1, 1), null, List.of(),
                new VotingRules(true, BigDecimal.valueOf(50), BigDecimal.valueOf(50), VotingBasis.ALL_MEMBERS, true, true), null);
        Refusal problem = assertThrows(Refusal.class, early::validate);
        assertEquals("ruleset.effective.before-basis", problem.reasons().get(0).messageKey());
    }

    @Test
    void aRuleSetFollowingTheLawPasses() {
        assertDoesNotThrow(() -> governmentFlag(LocalDate.of(2024, 1, 1), null).validate());
    }

    @Test
    void everyBrokenRuleIsListed() {
        RuleSetDefinition broken = rules(" ", null, LocalDate.of(2024, 1, 1), LocalDate.of(2023, 1, 1),
                List.of(legacy("QUOTA_PERCENT_OF_CLUSTER_LEADERS", BigDecimal.valueOf(120), null),
                        legacy(null, null, null),
                        legacy("HELD_IN_PREVIOUS_YEARS", new BigDecimal("1.5"), null)),
                new VotingRules(true, BigDecimal.valueOf(-1), BigDecimal.ZERO, VotingBasis.PRESENT, false, null), null);
        Refusal problem = assertThrows(Refusal.class, broken::validate);
        assertEquals(List.of("ruleset.legal-basis.required", "ruleset.date.required", "ruleset.effective.order",
                        "ruleset.condition.param.invalid", "ruleset.condition.kind",
                        "ruleset.condition.param.invalid", "ruleset.condition.param.required", "ruleset.voting.percent",
                        "ruleset.voting.percent"),
                problem.reasons().stream().map(Refusal.Reason::messageKey).toList());
    }

    @Test
    void fractionsMustBeSharesOfTheWhole() {
        for (String[] bad : new String[][] {{"3/2", "2/3"}, {"2/3", "0/3"}, {"2/0", "1/2"}, {"hai phần ba", "2/3"}, {"2/3", "-1/3"}}) {
            RuleSetDefinition rules = rules("Quy chế cụm", LocalDate.of(2023, 6, 3), LocalDate.of(2024, 1, 1), null, List.of(),
                    new VotingRules(true, null, null, VotingBasis.ALL_MEMBERS, true, false, bad[0], bad[1]), null);
            Refusal problem = assertThrows(Refusal.class, rules::validate, () -> String.join(" ", bad));
            assertEquals(1, problem.reasons().size(), () -> String.join(" ", bad));
        }
        assertDoesNotThrow(() -> rules("Quy chế cụm", LocalDate.of(2023, 6, 3), LocalDate.of(2024, 1, 1), null, List.of(),
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
