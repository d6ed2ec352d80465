package vn.thidua.awards.calendar;

import java.util.Comparator;
import vn.thidua.platform.domain.Refusal;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.platform.web.Text;

/**
 * A year's working calendar as the Board sends it, whole. Dates, kinds and weekend days come as text
 * so that a malformed one is listed with the other mistakes instead of failing alone while the body is read.
 */
public record WorkingCalendarRequest(@Schema(required = true, type = SchemaType.ARRAY, implementation = DayOfWeek.class, maxItems = 6, uniqueItems = true,
                                             description = "Days of the week not worked.") List<String> weekendDays,
                                     @Schema(maxItems = MAX_DAYS) List<DayRequest> days,
                                     @Schema(required = true, maxLength = 500) String citation,
                                     @Schema(required = true, enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String tag) {
    /** More than a year has days: a slip, not a calendar. */
    public static final int MAX_DAYS = 400;
    static final int MAX_NAME = 200;

    public record DayRequest(@Schema(required = true, format = "date", description = "A day of the calendar's year.") String date,
                             @Schema(required = true, enumeration = {"HOLIDAY", "MAKE_UP_WORKDAY"}) String kind,
                             @Schema(required = true, maxLength = MAX_NAME) String name) {
    }

    /** The year as entered, or 422 listing every broken item (400 for text no field may hold, as {@link Text#clean} refuses it). */
    public CalendarYear check(int year) {
        List<Refusal.Reason> problems = new ArrayList<>();
        Set<DayOfWeek> weekend = EnumSet.noneOf(DayOfWeek.class);
        if (weekendDays == null) {
            problems.add(new Refusal.Reason("weekendDays", "problem.field.required", "weekendDays"));
        } else {
            for (int i = 0; i < weekendDays.size(); i++) {
                DayOfWeek day = dayOfWeek(weekendDays.get(i));
                if (day == null) {
                    problems.add(new Refusal.Reason("weekendDays[" + i + "]", "calendar.weekend-day.invalid", String.valueOf(weekendDays.get(i))));
                } else if (!weekend.add(day)) {
                    problems.add(new Refusal.Reason("weekendDays[" + i + "]", "calendar.weekend-day.twice", day.name()));
                }
            }
            if (weekend.size() == 7) {
                problems.add(new Refusal.Reason("weekendDays", "calendar.weekend-days.all"));
            }
        }
        List<CalendarDay> entered = new ArrayList<>();
        if (days != null && days.size() > MAX_DAYS) {
            problems.add(new Refusal.Reason("days", "calendar.days.too-many", days.size(), MAX_DAYS));
        } else if (days != null) {
            Map<LocalDate, Integer> seen = new HashMap<>();
            for (int i = 0; i < days.size(); i++) {
                CalendarDay day = day(year, i, days.get(i), weekend, problems);
                if (day == null) {
                    continue;
                }
                Integer first = seen.putIfAbsent(day.date(), i);
                if (first != null) {
                    CalendarDay earlier = entered.stream().filter(d -> d.date().equals(day.date())).findFirst().orElseThrow();
                    problems.add(earlier.kind() == day.kind()
                            ? new Refusal.Reason("days[" + i + "].date", "calendar.day.twice", day.date().toString(), first)
                            : new Refusal.Reason("days[" + i + "].date", "calendar.day.holiday-on-make-up", day.date().toString(), first));
                    continue;
                }
                entered.add(day);
            }
        }
        String cleanCitation = Text.clean(citation, 500, "citation", false);
        if (cleanCitation == null) {
            problems.add(new Refusal.Reason("citation", "problem.field.required", "citation"));
        }
        if (tag == null || !Vocabulary.TAGS.contains(tag)) {
            problems.add(new Refusal.Reason("tag", "ruleset.condition.tag"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-working-calendar", "calendar.invalid", year, problems.size()).because(problems);
        }
        entered.sort(Comparator.comparing(CalendarDay::date));
        return new CalendarYear(year, weekend, entered, cleanCitation, tag);
    }

    /** One listed day, or null when it is broken (its problems added). */
    private static CalendarDay day(int year, int i, DayRequest request, Set<DayOfWeek> weekend, List<Refusal.Reason> problems) {
        String at = "days[" + i + "]";
        if (request == null) {
            problems.add(new Refusal.Reason(at, "problem.field.required", at));
            return null;
        }
        int before = problems.size();
        LocalDate date = null;
        if (request.date() == null || request.date().isBlank()) {
            problems.add(new Refusal.Reason(at + ".date", "problem.field.required", at + ".date"));
        } else {
            try {
                date = LocalDate.parse(request.date().strip());
                if (date.getYear() != year) {
                    problems.add(new Refusal.Reason(at + ".date", "calendar.day.outside-year", date.toString(), year));
                }
            } catch (DateTimeParseException malformed) {
                problems.add(new Refusal.Reason(at + ".date", "calendar.day.date-invalid", request.date()));
            }
        }
        DayKind kind = null;
        try {
            kind = request.kind() == null ? null : DayKind.valueOf(request.kind().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        if (kind == null) {
            problems.add(new Refusal.Reason(at + ".kind", "calendar.day.kind-invalid", String.valueOf(request.kind())));
        }
        String name = request.name() == null || request.name().isBlank() ? null : Text.clean(request.name(), MAX_NAME, at + ".name", false);
        if (name == null) {
            problems.add(new Refusal.Reason(at + ".name", "problem.field.required", at + ".name"));
        }
        if (kind == DayKind.MAKE_UP_WORKDAY && date != null && !weekend.contains(date.getDayOfWeek())) {
            problems.add(new Refusal.Reason(at + ".date", "calendar.day.make-up-not-weekend", date.toString(), date.getDayOfWeek().name()));
        }
        return problems.size() == before ? new CalendarDay(date, kind, name) : null;
    }

    private static DayOfWeek dayOfWeek(String raw) {
        try {
            return raw == null ? null : DayOfWeek.valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }
}
