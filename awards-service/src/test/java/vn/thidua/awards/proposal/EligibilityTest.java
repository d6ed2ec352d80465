package vn.thidua.awards.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.catalogue.RuleSetDefinition.EligibilityKind;
import vn.thidua.awards.catalogue.RuleSetDefinition.EligibilityRule;
import vn.thidua.awards.proposal.Eligibility.Facts;
import vn.thidua.awards.proposal.Eligibility.Verdict;

class EligibilityTest {
    static final String LDLD = "000.00.32.H56";

    /** The Labour Federation in 2016: led cluster 7, ranked first with 95, registered for the provincial flag, the 4th proposal of 19 leaders. */
    static Facts facts(boolean led, Integer rank, int proposals, int leaders, Map<String, Set<Integer>> held) {
        return new Facts(LDLD, 2016, "Cụm thi đua số 7", led, rank, rank == null ? null : BigDecimal.valueOf(96 - rank),
                Set.of("CO_THI_DUA_TINH"), "CO_THI_DUA_TINH", proposals, leaders, held);
    }

    static Verdict one(EligibilityKind kind, BigDecimal value, String award, Facts facts) {
        return Eligibility.check(List.of(new EligibilityRule(kind, value, award)), facts).get(0);
    }

    @Test
    void leadingTheClusterMeansElectedByItsVote() {
        Verdict pass = one(EligibilityKind.LEADS_CLUSTER, null, null, facts(true, 1, 1, 19, Map.of()));
        Verdict fail = one(EligibilityKind.LEADS_CLUSTER, null, null, facts(false, 1, 1, 19, Map.of()));
        assertTrue(pass.passed());
        assertFalse(fail.passed());
        assertEquals("eligibility.leads.fail", fail.messageKey());
        assertEquals(List.of("Cụm thi đua số 7", 2016), fail.args());
    }

    @Test
    void rankingFirstAndMinimumPointsNeedAFinalizedRanking() {
        assertTrue(one(EligibilityKind.RANKS_FIRST, null, null, facts(true, 1, 1, 19, Map.of())).passed());
        Verdict second = one(EligibilityKind.RANKS_FIRST, null, null, facts(true, 2, 1, 19, Map.of()));
        assertFalse(second.passed());
        assertEquals(List.of(2, "Cụm thi đua số 7"), second.args());
        assertEquals("eligibility.ranking.none", one(EligibilityKind.RANKS_FIRST, null, null, facts(true, null, 1, 19, Map.of())).messageKey());
        assertTrue(one(EligibilityKind.MIN_TOTAL_POINTS, BigDecimal.valueOf(95), null, facts(true, 1, 1, 19, Map.of())).passed());
        assertFalse(one(EligibilityKind.MIN_TOTAL_POINTS, BigDecimal.valueOf(95), null, facts(true, 2, 1, 19, Map.of())).passed());
        assertFalse(one(EligibilityKind.MIN_TOTAL_POINTS, BigDecimal.ONE, null, facts(true, null, 1, 19, Map.of())).passed());
    }

    @Test
    void theQuotaIsTwentyPercentOfTheClusterLeadersComparedExactly() {
        // 3 of 19 is 15.8%: within; 4 of 19 is 21.1%: over; 4 of 20 is exactly 20%: within
        assertTrue(one(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(20), null, facts(true, 1, 3, 19, Map.of())).passed());
        Verdict over = one(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(20), null, facts(true, 1, 4, 19, Map.of()));
        assertFalse(over.passed());
        assertEquals(List.of(4, 19, BigDecimal.valueOf(20)), over.args());
        assertTrue(one(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(20), null, facts(true, 1, 4, 20, Map.of())).passed());
        assertFalse(one(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(20), null, facts(true, 1, 1, 0, Map.of())).passed());
    }

    @Test
    void registrationIsForThisAwardThatYear() {
        assertTrue(one(EligibilityKind.REGISTERED_FOR_TITLE, null, null, facts(true, 1, 1, 19, Map.of())).passed());
        Facts otherTitle = new Facts(LDLD, 2016, "Cụm thi đua số 7", true, 1, BigDecimal.TEN, Set.of("TAP_THE_LAO_DONG_XUAT_SAC"),
                "CO_THI_DUA_TINH", 1, 19, Map.of());
        assertFalse(one(EligibilityKind.REGISTERED_FOR_TITLE, null, null, otherTitle).passed());
    }

    @Test
    void aStreakNeedsEveryOneOfTheYearsBefore() {
        Map<String, Set<Integer>> held = Map.of("CO_THI_DUA_TINH", Set.of(2013, 2015));
        Verdict gap = one(EligibilityKind.HELD_IN_PREVIOUS_YEARS, BigDecimal.valueOf(3), "CO_THI_DUA_TINH", facts(true, 1, 1, 19, held));
        assertFalse(gap.passed());
        assertEquals(List.of("CO_THI_DUA_TINH", 3, "2014"), gap.args());
        assertTrue(one(EligibilityKind.HELD_IN_PREVIOUS_YEARS, BigDecimal.ONE, "CO_THI_DUA_TINH", facts(true, 1, 1, 19, held)).passed());
        assertFalse(one(EligibilityKind.HELD_IN_PREVIOUS_YEARS, BigDecimal.ONE, "CO_THI_DUA_CHINH_PHU", facts(true, 1, 1, 19, held)).passed());
    }

    @Test
    void everyRuleIsReportedInOrder() {
        List<Verdict> verdicts = Eligibility.check(List.of(new EligibilityRule(EligibilityKind.LEADS_CLUSTER, null, null),
                new EligibilityRule(EligibilityKind.RANKS_FIRST, null, null),
                new EligibilityRule(EligibilityKind.QUOTA_PERCENT_OF_CLUSTER_LEADERS, BigDecimal.valueOf(20), null)), facts(true, 2, 4, 19, Map.of()));
        assertEquals(List.of(true, false, false), verdicts.stream().map(Verdict::passed).toList());
        assertFalse(Eligibility.allPass(verdicts));
    }
}
