package vn.thidua.awards.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Which rule set judges a vote or a proposal, and why, kept with it forever. {@code receivedOn} is
 * the day the dossier was received (or the vote held); {@code governing} the rule set in force that
 * day, whose transition clause decides; {@code judgedOn} the day whose rules apply.
 */
public record RuleSetChoice(long ruleSetId, Transition transition, LocalDate receivedOn, int achievementYear, LocalDate judgedOn,
                            Long governingRuleSetId) {

    /** A rule set's period and transition, as the choice needs them. */
    public record Period(long id, LocalDate from, LocalDate to, Transition transition) {
        boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /**
     * The choice among an award's rule sets. The one in force when the dossier is received says by
     * its transition clause whether that day or the end of the achievement year decides; when none
     * is in force that day, the end of the achievement year does. Empty when no rule set covers the
     * deciding day.
     */
    public static Optional<RuleSetChoice> choose(List<Period> periods, int achievementYear, LocalDate receivedOn) {
        LocalDate yearEnd = LocalDate.of(achievementYear, 12, 31);
        Optional<Period> governing = periods.stream().filter(p -> p.covers(receivedOn)).findFirst();
        Transition transition = governing.map(Period::transition).orElse(Transition.ACHIEVEMENT_YEAR);
        LocalDate judgedOn = transition == Transition.DOSSIER_RECEIVED_ON ? receivedOn : yearEnd.isAfter(receivedOn) ? receivedOn : yearEnd;
        return periods.stream().filter(p -> p.covers(judgedOn)).findFirst().map(p -> new RuleSetChoice(p.id(), transition, receivedOn,
                achievementYear, judgedOn, governing.map(Period::id).orElse(null)));
    }
}
