package vn.thidua.platform.web;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing texts in Vietnamese (the default) and English. A service keeps its own texts in
 * {@code i18n/messages*.properties}; the platform's generic ones are in {@code i18n/platform*.properties}.
 */
public final class Messages {
    public static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> SUPPORTED = List.of(VIETNAMESE, ENGLISH);
    private static final List<String> BUNDLES = List.of("i18n/messages", "i18n/platform");
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Messages() {
    }

    /** Picks Vietnamese or English from an {@code Accept-Language} header; Vietnamese when unsure. */
    public static Locale negotiate(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return VIETNAMESE;
        }
        try {
            Locale best = Locale.lookup(Locale.LanguageRange.parse(acceptLanguage), SUPPORTED);
            return best == null ? VIETNAMESE : best;
        } catch (IllegalArgumentException malformedHeader) {
            return VIETNAMESE;
        }
    }

    /** A word of a message that is itself translated, by its key (e.g. the name of a measure inside a reason). */
    public record Term(String key) {
    }

    public static String text(Locale locale, String key, Object... args) {
        Locale language = ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : VIETNAMESE;
        for (String bundleName : BUNDLES) {
            try {
                ResourceBundle bundle = ResourceBundle.getBundle(bundleName, language,
                        Thread.currentThread().getContextClassLoader(), NO_FALLBACK);
                if (bundle.containsKey(key)) {
                    Object[] translated = args == null ? null : Arrays.stream(args)
                            .map(arg -> arg instanceof Term term ? text(language, term.key()) : arg).toArray();
                    return new MessageFormat(bundle.getString(key), language).format(translated);
                }
            } catch (MissingResourceException noSuchBundle) {
                // a service without texts of its own uses the platform's
            }
        }
        return key;
    }
}
