package vn.thidua.awards.calendar;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.domain.Refusal;

/**
 * The deadlines of the procedure, from the limits in force and the working calendar: what the rest of
 * awards-service calls. Every answer names the limit it used (code, value, citation, tag) and the
 * calendar years it crossed that nobody entered (counted with Saturday and Sunday off only), so a
 * deadline can be shown with a warning rather than refused. 422 when no limit of the code is in force,
 * or the limit is not of the kind asked.
 */
@ApplicationScoped
public class Deadlines {
    /** The limit whose day-of-year is the due date of an achievement year's year-end dossiers at Sở Nội vụ. */
    public static final String YEAR_END_DOSSIER_DUE = "YEAR_END_DOSSIER_DUE";
    public static final String NATIONAL_RETURN_FAULTY = "NATIONAL_RETURN_FAULTY";
    public static final String NATIONAL_SUBMIT_TO_PM = "NATIONAL_SUBMIT_TO_PM";
    public static final String NATIONAL_CONSULTATION_EXTRA = "NATIONAL_CONSULTATION_EXTRA";

    private final ProcedureLimitService limits;
    private final WorkingCalendarService calendars;

    public Deadlines(ProcedureLimitService limits, WorkingCalendarService calendars) {
        this.limits = limits;
        this.calendars = calendars;
    }

    /** The limit a deadline was computed from. */
    public record LimitUsed(long id, String code, LimitKind kind, String value, String citation, String tag) {
        static LimitUsed of(ProcedureLimit l) {
            return new LimitUsed(l.id, l.code, l.kind, l.value, l.citation, l.tag);
        }
    }

    /**
     * A deadline: the last day ({@code date}, inclusive), the limits used (one, or those added up), and the
     * years between the start and the deadline whose working calendar was not entered ({@code calendarComplete}
     * false then).
     */
    public record Due(LocalDate date, List<LimitUsed> limits, boolean calendarComplete, List<Integer> incompleteYears) {
        public Due {
            limits = List.copyOf(limits);
            incompleteYears = List.copyOf(incompleteYears);
        }

        /** The limit used; the first when several were added up. */
        public LimitUsed limit() {
            return limits.get(0);
        }
    }

    /**
     * The day the year-end dossiers of achievement year {@code year} are due at Sở Nội vụ: the
     * {@code YEAR_END_DOSSIER_DUE} day-of-year in force on 1 January of that year (the rules the year's
     * emulation was run under; a text taking effect during the year applies from the next year), in that
     * year. The day is not moved when it falls on a day off: the texts say "by", not "within".
     */
    @Transactional
    public Due yearEndDossierDue(int year) {
        return dayOfYear(YEAR_END_DOSSIER_DUE, year);
    }

    /** The day-of-year of the {@code limitCode} limit in force on 1 January of {@code year}, in that year. */
    @Transactional
    public Due dayOfYear(String limitCode, int year) {
        ProcedureLimit limit = inForce(limitCode, LocalDate.of(year, 1, 1), LimitKind.DAY_OF_YEAR);
        return new Due(limit.dayOfYear().atYear(year), List.of(LimitUsed.of(limit)), true, List.of());
    }

    /**
     * The last day of a {@code WORKING_DAYS} limit that starts on {@code from}: the limit of
     * {@code limitCode} in force on {@code from}, counted in working days after it
     * ({@link WorkingCalendar#addWorkingDays}).
     */
    @Transactional
    public Due workingDaysAfter(String limitCode, LocalDate from) {
        return workingDaysAfter(from, List.of(limitCode));
    }

    /**
     * The last day of several {@code WORKING_DAYS} limits added up, each the one in force on {@code from}:
     * {@code workingDaysAfter(received, List.of(NATIONAL_SUBMIT_TO_PM, NATIONAL_CONSULTATION_EXTRA))} is
     * "20 working days, +10 where other agencies are consulted".
     */
    @Transactional
    public Due workingDaysAfter(LocalDate from, List<String> limitCodes) {
        if (limitCodes.isEmpty()) {
            throw new IllegalArgumentException("No limit to count");
        }
        List<ProcedureLimit> used = limitCodes.stream().map(code -> inForce(code, from, LimitKind.WORKING_DAYS)).toList();
        int days = used.stream().mapToInt(ProcedureLimit::workingDays).sum();
        // a year's worth of working days reaches at most two years on, three when most days are off
        WorkingCalendar calendar = calendars.calendar(from.getYear(), from.getYear() + 3 * ((days / 250) + 1));
        LocalDate due = calendar.addWorkingDays(from, days);
        List<Integer> incomplete = List.copyOf(calendar.incompleteYears(from, due));
        return new Due(due, used.stream().map(LimitUsed::of).toList(), incomplete.isEmpty(), incomplete);
    }

    /**
     * As {@link #yearEndDossierDue}, or empty when no such limit is in force: for callers that show what they can
     * (a refusal thrown through this transactional bean would mark the caller's transaction for rollback).
     */
    @Transactional
    public Optional<Due> yearEndDossierDueIfInForce(int year) {
        return inForceOfKind(YEAR_END_DOSSIER_DUE, LocalDate.of(year, 1, 1), LimitKind.DAY_OF_YEAR).map(l -> dayOfYear(YEAR_END_DOSSIER_DUE, year));
    }

    /** As {@link #workingDaysAfter(String, LocalDate)}, or empty when no such limit is in force (see {@link #yearEndDossierDueIfInForce}). */
    @Transactional
    public Optional<Due> workingDaysAfterIfInForce(String limitCode, LocalDate from) {
        return inForceOfKind(limitCode, from, LimitKind.WORKING_DAYS).map(l -> workingDaysAfter(from, List.of(limitCode)));
    }

    private Optional<ProcedureLimit> inForceOfKind(String limitCode, LocalDate day, LimitKind kind) {
        return limits.inForce(limitCode, day).filter(limit -> limit.kind == kind);
    }

    private ProcedureLimit inForce(String limitCode, LocalDate day, LimitKind kind) {
        ProcedureLimit limit = limits.inForce(limitCode, day).orElseThrow(() -> Refusal.unprocessable(
                "no-procedure-limit-in-force", "procedure-limit.none-in-force", limitCode, day.toString()));
        if (limit.kind != kind) {
            throw Refusal.unprocessable("procedure-limit-kind", "procedure-limit.kind.wrong", limitCode, limit.kind.name(),
                    kind.name());
        }
        return limit;
    }
}
