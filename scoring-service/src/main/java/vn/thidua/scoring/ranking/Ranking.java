package vn.thidua.scoring.ranking;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.thidua.scoring.criteria.CriteriaDefinition.Band;
import vn.thidua.scoring.criteria.TieBreak;

/**
 * Orders a cluster's units by their totals — standard points + min(bonus, cap) − penalties —
 * breaks ties by the set's rules in order, says which rule broke each tie, and gives each unit
 * its classification band. Plain Java: the database sums the points, this decides the order.
 */
public final class Ranking {
    public static final String SHARED = "SHARED";

    private Ranking() {
    }

    /** Points of one kind of criterion, as one stage (or the final rule) gives them. */
    public record Points(BigDecimal standard, BigDecimal bonus, BigDecimal penalty) {
        public static final Points ZERO = new Points(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

        public Points plus(Points other) {
            return new Points(standard.add(other.standard), bonus.add(other.bonus), penalty.add(other.penalty));
        }

        public BigDecimal total(BigDecimal bonusCap) {
            return standard.add(bonus.min(bonusCap)).subtract(penalty);
        }
    }

    /** What one unit scored, by group (in the set's order) and by stage. */
    public record UnitPoints(String unitCode, Map<String, Points> groups, Points finalPoints, Points self, Points peer, Points board) {
    }

    public record RankedUnit(int rank, String unitCode, BigDecimal total, Points finalPoints, BigDecimal bonusCounted,
                             Map<String, Points> groups, Map<String, BigDecimal> stageTotals, String band, String tieBreak) {
    }

    /** A ranking whose tie-breaks need nothing but the points. */
    public static List<RankedUnit> rank(List<UnitPoints> units, BigDecimal bonusCap, List<TieBreak> tieBreaks, List<Band> bands) {
        return rank(units, bonusCap, tieBreaks, bands, Set.of());
    }

    /**
     * @param womenShareReached the units that {@link TieBreak#WOMEN_SHARE} prefers (their women
     *                          reach the set's threshold); the others, those without statistics
     *                          among them, do not reach it
     */
    public static List<RankedUnit> rank(List<UnitPoints> units, BigDecimal bonusCap, List<TieBreak> tieBreaks, List<Band> bands,
                                        Set<String> womenShareReached) {
        List<Rule> rules = tieBreaks.stream().map(tieBreak -> new Rule(tieBreak, comparator(tieBreak, womenShareReached))).toList();
        Comparator<UnitPoints> byTotal = Comparator.comparing((UnitPoints u) -> u.finalPoints().total(bonusCap)).reversed();
        Comparator<UnitPoints> order = byTotal;
        for (Rule rule : rules) {
            order = order.thenComparing(rule.order());
        }
        List<UnitPoints> sorted = new ArrayList<>(units);
        sorted.sort(order.thenComparing(UnitPoints::unitCode));

        List<RankedUnit> ranked = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            UnitPoints unit = sorted.get(i);
            BigDecimal total = unit.finalPoints().total(bonusCap);
            Optional<UnitPoints> previous = i > 0 ? Optional.of(sorted.get(i - 1)) : Optional.empty();
            Optional<UnitPoints> next = i + 1 < sorted.size() ? Optional.of(sorted.get(i + 1)) : Optional.empty();
            boolean sharesWithPrevious = previous.filter(p -> indistinguishable(p, unit, bonusCap, rules)).isPresent();
            int rank = sharesWithPrevious ? ranked.get(i - 1).rank() : i + 1;
            String tieBreak = tieBreakOf(unit, previous, next, bonusCap, rules);
            ranked.add(new RankedUnit(rank, unit.unitCode(), total, unit.finalPoints(), unit.finalPoints().bonus().min(bonusCap),
                    unit.groups(), Map.of(
                            "SELF", unit.self().total(bonusCap),
                            "PEER", unit.peer().total(bonusCap),
                            "BOARD", unit.board().total(bonusCap),
                            "FINAL", total),
                    band(total, bands), tieBreak));
        }
        return ranked;
    }

    /** A tie-break rule of the set with the order it gives. */
    private record Rule(TieBreak tieBreak, Comparator<UnitPoints> order) {
    }

    /** Which rule placed the unit against a neighbour with the same total, SHARED if none did, null if not tied. */
    private static String tieBreakOf(UnitPoints unit, Optional<UnitPoints> previous, Optional<UnitPoints> next,
                                     BigDecimal bonusCap, List<Rule> rules) {
        for (Optional<UnitPoints> neighbour : List.of(previous, next)) {
            if (neighbour.isPresent() && neighbour.get().finalPoints().total(bonusCap).compareTo(unit.finalPoints().total(bonusCap)) == 0) {
                for (Rule rule : rules) {
                    if (rule.order().compare(unit, neighbour.get()) != 0) {
                        return rule.tieBreak().name();
                    }
                }
                return SHARED;
            }
        }
        return null;
    }

    private static boolean indistinguishable(UnitPoints a, UnitPoints b, BigDecimal bonusCap, List<Rule> rules) {
        if (a.finalPoints().total(bonusCap).compareTo(b.finalPoints().total(bonusCap)) != 0) {
            return false;
        }
        return rules.stream().allMatch(rule -> rule.order().compare(a, b) == 0);
    }

    private static Comparator<UnitPoints> comparator(TieBreak rule, Set<String> womenShareReached) {
        return switch (rule) {
            case GROUP_FIRST -> Comparator.comparing((UnitPoints u) -> firstGroup(u).standard()).reversed();
            case FEWER_PENALTIES -> Comparator.comparing((UnitPoints u) -> u.finalPoints().penalty());
            case MORE_BONUS -> Comparator.comparing((UnitPoints u) -> u.finalPoints().bonus()).reversed();
            case WOMEN_SHARE -> Comparator.comparing((UnitPoints u) -> womenShareReached.contains(u.unitCode())).reversed();
        };
    }

    private static Points firstGroup(UnitPoints unit) {
        return unit.groups().values().stream().findFirst().orElse(Points.ZERO);
    }

    private static String band(BigDecimal total, List<Band> bands) {
        return bands.stream().filter(band -> total.compareTo(band.minTotal()) >= 0).map(Band::label).findFirst().orElse(null);
    }
}
