package vn.thidua.awards.catalogue;

import java.time.LocalDate;
import java.util.Locale;
import vn.thidua.platform.web.Messages;

/**
 * Why a vote or a proposal was judged under its rule set, as views and documents show it:
 * {@code reason} in the language asked for. {@code occasion} names what the date is of: the day the
 * vote was held, or the day the dossier was received.
 */
public record ChoiceView(long ruleSetId, String legalBasis, LocalDate legalBasisDate, Transition transition, LocalDate receivedOn,
                         int achievementYear, LocalDate judgedOn, String reason) {

    public enum Occasion { VOTE, DOSSIER }

    public static ChoiceView of(RuleSetChoice choice, Occasion occasion, Locale locale) {
        if (choice == null) {
            return null;
        }
        RuleSet chosen = RuleSet.findById(choice.ruleSetId());
        RuleSet governing = choice.governingRuleSetId() == null ? null : RuleSet.findById(choice.governingRuleSetId());
        String when = Messages.text(locale, "ruleset.chosen." + occasion.name().toLowerCase(Locale.ROOT), choice.receivedOn().toString());
        String reason;
        if (governing == null) {
            reason = Messages.text(locale, "ruleset.chosen.no-governing", when, choice.achievementYear(), chosen.legalBasis,
                    choice.judgedOn().toString());
        } else if (choice.transition() == Transition.DOSSIER_RECEIVED_ON) {
            reason = Messages.text(locale, "ruleset.chosen.received", when, governing.legalBasis, chosen.legalBasis,
                    chosen.effectiveFrom.toString());
        } else {
            reason = Messages.text(locale, "ruleset.chosen.year", when, governing.legalBasis, choice.achievementYear(), chosen.legalBasis,
                    choice.judgedOn().toString());
        }
        return new ChoiceView(chosen.id, chosen.legalBasis, chosen.legalBasisDate, choice.transition(), choice.receivedOn(),
                choice.achievementYear(), choice.judgedOn(), reason);
    }
}
