package vn.thidua.awards.catalogue;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
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
        String when = Messages.text(locale, "ruleset.chosen." + occasion.name().toLowerCase(Locale.ROOT), day(choice.receivedOn(), locale));
        String reason;
        if (governing == null) {
            reason = Messages.text(locale, "ruleset.chosen.no-governing", when, choice.achievementYear(), chosen.legalBasis,
                    day(choice.judgedOn(), locale));
        } else if (governing.id.equals(chosen.id)) {
            // the rules in force that day judge it (always so under DOSSIER_RECEIVED_ON)
            reason = Messages.text(locale, "ruleset.chosen.same", when, chosen.legalBasis, day(chosen.effectiveFrom, locale));
        } else {
            reason = Messages.text(locale, "ruleset.chosen.year", when, governing.legalBasis, choice.achievementYear(), chosen.legalBasis,
                    day(choice.judgedOn(), locale));
        }
        return new ChoiceView(chosen.id, chosen.legalBasis, chosen.legalBasisDate, choice.transition(), choice.receivedOn(),
                choice.achievementYear(), choice.judgedOn(), reason);
    }

    /** A day as the reader writes it: 14/12/2016 in Vietnamese, 2016-12-14 in English. */
    private static String day(LocalDate date, Locale locale) {
        return Messages.ENGLISH.getLanguage().equals(locale.getLanguage()) ? date.toString()
                : date.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
