package vn.thidua.scoring.ranking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.scoring.criteria.CriteriaDefinition.Band;
import vn.thidua.scoring.criteria.TieBreak;
import vn.thidua.scoring.ranking.Ranking.Points;
import vn.thidua.scoring.ranking.Ranking.RankedUnit;
import vn.thidua.scoring.ranking.Ranking.UnitPoints;

class RankingTest {
    private static final List<Band> BANDS = List.of(new Band("Xuất sắc", BigDecimal.valueOf(90)), new Band("Tốt", BigDecimal.valueOf(75)));

    static UnitPoints unit(String code, int groupOne, int groupTwo, int bonus, int penalty) {
        Map<String, Points> groups = new LinkedHashMap<>();
        groups.put("I", new Points(BigDecimal.valueOf(groupOne), BigDecimal.ZERO, BigDecimal.ZERO));
        groups.put("II", new Points(BigDecimal.valueOf(groupTwo), BigDecimal.valueOf(bonus), BigDecimal.valueOf(penalty)));
        Points all = new Points(BigDecimal.valueOf(groupOne + groupTwo), BigDecimal.valueOf(bonus), BigDecimal.valueOf(penalty));
        return new UnitPoints(code, groups, all, all, all, all);
    }

    @Test
    void totalsCapTheBonusAndDeductPenalties() {
        List<RankedUnit> ranked = Ranking.rank(List.of(unit("A", 50, 30, 15, 2), unit("B", 55, 35, 0, 0)),
                BigDecimal.TEN, List.of(), BANDS);
        assertEquals("B", ranked.get(0).unitCode());
        assertEquals(0, BigDecimal.valueOf(90).compareTo(ranked.get(0).total()));
        assertEquals("Xuất sắc", ranked.get(0).band());
        // 50 + 30 + min(15, 10) - 2
        assertEquals(0, BigDecimal.valueOf(88).compareTo(ranked.get(1).total()));
        assertEquals(0, BigDecimal.TEN.compareTo(ranked.get(1).bonusCounted()));
        assertEquals("Tốt", ranked.get(1).band());
        assertNull(ranked.get(0).tieBreak());
    }

    @Test
    void tiesAreBrokenByTheConfiguredRulesInOrderAndSaySo() {
        // all total 80; C has the best group I; A and B tie on group I, B has fewer penalties
        List<RankedUnit> ranked = Ranking.rank(List.of(unit("A", 50, 32, 0, 2), unit("B", 50, 31, 0, 1), unit("C", 60, 20, 0, 0)),
                BigDecimal.TEN, List.of(TieBreak.GROUP_FIRST, TieBreak.FEWER_PENALTIES), BANDS);
        assertEquals(List.of("C", "B", "A"), ranked.stream().map(RankedUnit::unitCode).toList());
        assertEquals(List.of(1, 2, 3), ranked.stream().map(RankedUnit::rank).toList());
        assertEquals("GROUP_FIRST", ranked.get(0).tieBreak());
        assertEquals("GROUP_FIRST", ranked.get(1).tieBreak());
        assertEquals("FEWER_PENALTIES", ranked.get(2).tieBreak());
    }

    @Test
    void whatNoRuleBreaksIsASharedRank() {
        List<RankedUnit> ranked = Ranking.rank(List.of(unit("A", 50, 30, 0, 0), unit("B", 50, 30, 0, 0), unit("C", 40, 30, 0, 0)),
                BigDecimal.TEN, List.of(TieBreak.GROUP_FIRST), BANDS);
        assertEquals(List.of(1, 1, 3), ranked.stream().map(RankedUnit::rank).toList());
        assertEquals(Ranking.SHARED, ranked.get(0).tieBreak());
        assertEquals(Ranking.SHARED, ranked.get(1).tieBreak());
        assertNull(ranked.get(2).tieBreak());
        assertNull(ranked.get(2).band());
    }

    @Test
    void theWomenShareSeparatesTiedUnitsOnlyWhenOneReachesItAndTheOtherDoesNot() {
        // all total 80 with the same group I; B and D reach the share, A and C do not (C has no statistics at all)
        List<RankedUnit> ranked = Ranking.rank(List.of(unit("A", 50, 30, 0, 0), unit("B", 50, 30, 0, 0), unit("C", 50, 30, 0, 0),
                        unit("D", 50, 30, 0, 0), unit("E", 40, 30, 0, 0)),
                BigDecimal.TEN, List.of(TieBreak.GROUP_FIRST, TieBreak.WOMEN_SHARE), BANDS, Set.of("B", "D"));
        assertEquals(List.of("B", "D", "A", "C", "E"), ranked.stream().map(RankedUnit::unitCode).toList());
        // both reaching it, or both not: still tied; A, placed after D by the rule, names it
        assertEquals(List.of(1, 1, 3, 3, 5), ranked.stream().map(RankedUnit::rank).toList());
        assertEquals(List.of(Ranking.SHARED, Ranking.SHARED, "WOMEN_SHARE", Ranking.SHARED),
                ranked.subList(0, 4).stream().map(RankedUnit::tieBreak).toList());
        assertNull(ranked.get(4).tieBreak());
    }

    @Test
    void theWomenShareComesInTheSetsOrderOfRules() {
        // A has fewer penalties, B reaches the share: the set's first rule decides
        List<UnitPoints> tied = List.of(unit("A", 50, 31, 0, 1), unit("B", 50, 32, 0, 2));
        List<RankedUnit> penaltiesFirst = Ranking.rank(tied, BigDecimal.TEN, List.of(TieBreak.FEWER_PENALTIES, TieBreak.WOMEN_SHARE),
                BANDS, Set.of("B"));
        assertEquals(List.of("A", "B"), penaltiesFirst.stream().map(RankedUnit::unitCode).toList());
        assertEquals("FEWER_PENALTIES", penaltiesFirst.get(0).tieBreak());
        List<RankedUnit> womenFirst = Ranking.rank(tied, BigDecimal.TEN, List.of(TieBreak.WOMEN_SHARE, TieBreak.FEWER_PENALTIES),
                BANDS, Set.of("B"));
        assertEquals(List.of("B", "A"), womenFirst.stream().map(RankedUnit::unitCode).toList());
        assertEquals(List.of(1, 2), womenFirst.stream().map(RankedUnit::rank).toList());
        assertEquals("WOMEN_SHARE", womenFirst.get(1).tieBreak());
    }

    @Test
    void withoutStatisticsNoUnitReachesTheShareAndTheTieStays() {
        List<RankedUnit> ranked = Ranking.rank(List.of(unit("A", 50, 30, 0, 0), unit("B", 50, 30, 0, 0)),
                BigDecimal.TEN, List.of(TieBreak.WOMEN_SHARE), BANDS, Set.of());
        assertEquals(List.of(1, 1), ranked.stream().map(RankedUnit::rank).toList());
        assertEquals(List.of(Ranking.SHARED, Ranking.SHARED), ranked.stream().map(RankedUnit::tieBreak).toList());
        // a unit reaching the share but not tied is placed by its total, and no rule is named
        List<RankedUnit> untied = Ranking.rank(List.of(unit("A", 50, 30, 0, 0), unit("B", 50, 20, 0, 0)),
                BigDecimal.TEN, List.of(TieBreak.WOMEN_SHARE), BANDS, Set.of("B"));
        assertEquals(List.of("A", "B"), untied.stream().map(RankedUnit::unitCode).toList());
        assertNull(untied.get(0).tieBreak());
    }
}
