package vn.thidua.awards.imports;

import io.quarkus.hibernate.orm.panache.Panache;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.SheetFile;

/**
 * What the spreadsheet imports of awards-service (ledger, ratings, agencies' lists of proceedings) share:
 * one import of a kind at a time, a row's required cells and dates as Vietnamese write them, a refused
 * row's reason in the caller's language, and the count of rows by outcome.
 */
public final class Imports {
    private static final DateTimeFormatter VIETNAMESE_DATE = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private Imports() {
    }

    /** Waits for any other import of the same {@code kind} to end (until the caller's transaction ends): two files do not race for a row. */
    public static void oneAtATime(String kind) {
        Panache.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, kind).getSingleResult();
    }

    /** The cell of a required column; 400 {@code problem.field.required} naming the column when it is empty. */
    public static String required(SheetFile.Row row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw Refusal.invalid("invalid-field", "problem.field.required", column);
        }
        return value;
    }

    /** {@code 2017-01-20}, or as Vietnamese write it, {@code 20/01/2017} (day first); 400 {@code messageKey} with the raw text otherwise. */
    public static LocalDate date(String raw, String messageKey) {
        String text = raw.strip();
        try {
            return text.contains("/") ? LocalDate.parse(text, VIETNAMESE_DATE) : LocalDate.parse(text);
        } catch (DateTimeParseException malformed) {
            throw Refusal.invalid("invalid-date", messageKey, raw);
        }
    }

    /** Why a row was refused, in the caller's language. */
    public static String reason(Locale locale, Refusal problem) {
        return Messages.text(locale, problem.messageKey(), problem.args());
    }

    /** Every reason a row was refused, field by field, in the caller's language. */
    public static String reasons(Locale locale, List<Refusal.Reason> problems) {
        return problems.stream().map(p -> p.field() + ": " + Messages.text(locale, p.messageKey(), p.args()))
                .collect(Collectors.joining("; "));
    }

    /** How many rows had each outcome, every outcome listed (0 when none), in the enum's order. */
    public static <O extends Enum<O>, R> Map<O, Long> counts(Class<O> outcomes, List<R> results, Function<R, O> outcomeOf) {
        Map<O, Long> counts = new EnumMap<>(outcomes);
        for (O outcome : outcomes.getEnumConstants()) {
            counts.put(outcome, results.stream().filter(r -> outcomeOf.apply(r) == outcome).count());
        }
        return counts;
    }
}
