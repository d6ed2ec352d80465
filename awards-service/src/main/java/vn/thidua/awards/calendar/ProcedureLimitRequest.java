package vn.thidua.awards.calendar;

import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.platform.web.Text;

/**
 * A procedure limit as the Board enters it. The value comes as text or a number ({@code "12-10"},
 * {@code 5}); kind and value are checked together, with every other mistake.
 */
public record ProcedureLimitRequest(@Schema(required = true, pattern = "^[A-Za-z0-9_]{2,40}$") String code,
                                    @Schema(required = true, enumeration = {"DAY_OF_YEAR", "WORKING_DAYS"}) String kind,
                                    @Schema(required = true, description = "For DAY_OF_YEAR a day `MM-dd` (not `02-29`); for WORKING_DAYS a count "
                                            + "from 1 to 366, as a number or a string.") Object value,
                                    @Schema(required = true) LocalDate effectiveFrom, LocalDate effectiveTo,
                                    @Schema(required = true, maxLength = 500) String citation,
                                    @Schema(required = true, enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String tag) {
    static final Pattern CODE = Pattern.compile("[A-Z0-9_]{2,40}");
    /** More working days than a year has: a slip of the keyboard. */
    static final int MAX_WORKING_DAYS = 366;

    /** The request once checked. */
    public record Checked(String code, LimitKind kind, String value, LocalDate effectiveFrom, LocalDate effectiveTo, String citation,
                          String tag) {
    }

    /** 422 listing every bad field. */
    public Checked check() {
        List<Refusal.Reason> problems = new ArrayList<>();
        String cleanCode = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
        if (cleanCode == null || !CODE.matcher(cleanCode).matches()) {
            problems.add(new Refusal.Reason("code", "procedure-limit.code", String.valueOf(code)));
        }
        LimitKind limitKind = null;
        try {
            limitKind = kind == null ? null : LimitKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        if (limitKind == null) {
            problems.add(new Refusal.Reason("kind", "procedure-limit.kind", String.valueOf(kind)));
        }
        String cleanValue = value(limitKind);
        if (limitKind != null && cleanValue == null) {
            problems.add(new Refusal.Reason("value", limitKind == LimitKind.DAY_OF_YEAR ? "procedure-limit.value.day" : "procedure-limit.value.days",
                    String.valueOf(value), MAX_WORKING_DAYS));
        }
        if (effectiveFrom == null) {
            problems.add(new Refusal.Reason("effectiveFrom", "ruleset.date.required"));
        } else if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            problems.add(new Refusal.Reason("effectiveTo", "ruleset.effective.order"));
        }
        String cleanCitation = citation == null ? null : Text.clean(citation, 500, "citation", false);
        if (cleanCitation == null) {
            problems.add(new Refusal.Reason("citation", "problem.field.required", "citation"));
        }
        if (tag == null || !Vocabulary.TAGS.contains(tag)) {
            problems.add(new Refusal.Reason("tag", "ruleset.condition.tag"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-procedure-limit", "procedure-limit.invalid", problems.size()).because(problems);
        }
        return new Checked(cleanCode, limitKind, cleanValue, effectiveFrom, effectiveTo, cleanCitation, tag);
    }

    /** The value as stored ({@code MM-dd}, or the count without sign or leading zeros); null when it does not fit the kind. */
    private String value(LimitKind limitKind) {
        if (limitKind == null || !(value instanceof String || value instanceof Integer || value instanceof Long)) {
            return null;
        }
        String text = value.toString().strip();
        if (limitKind == LimitKind.DAY_OF_YEAR) {
            try {
                MonthDay day = MonthDay.parse("--" + text);
                // 29 February is not a day of every year
                return day.equals(MonthDay.of(2, 29)) ? null : day.toString().substring(2);
            } catch (DateTimeParseException malformed) {
                return null;
            }
        }
        if (!text.matches("[0-9]{1,3}")) {
            return null;
        }
        int days = Integer.parseInt(text);
        return days >= 1 && days <= MAX_WORKING_DAYS ? Integer.toString(days) : null;
    }
}
