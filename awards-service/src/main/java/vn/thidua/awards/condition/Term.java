package vn.thidua.awards.condition;

import java.util.List;
import java.util.Locale;
import vn.thidua.platform.web.Messages;

/** A word of a verdict's message that is itself translated (e.g. a measure's name), by its message key. */
public record Term(String key) {

    /** The message of a verdict in the language asked for, its terms translated first. */
    public static String text(Locale locale, String messageKey, List<Object> args) {
        Object[] translated = args.stream().map(arg -> arg instanceof Term term ? Messages.text(locale, term.key()) : arg).toArray();
        return Messages.text(locale, messageKey, translated);
    }
}
