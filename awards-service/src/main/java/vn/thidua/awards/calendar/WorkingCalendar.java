package vn.thidua.awards.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which days are worked, from the years the Board entered ({@link CalendarYear}): a day is a working
 * day when it is not a weekend day of its year and not a holiday, or when it is a make-up working day.
 * A year nobody entered falls back to Saturday and Sunday off and no holiday, and says so through
 * {@link #complete(int)}, so a deadline can still be shown, with a warning, instead of refused.
 * Plain Java: the caller loads the years it needs.
 */
public final class WorkingCalendar {
    /** The weekend of a year nobody entered: a fallback, flagged by {@link #complete(int)}, not a legal value. */
    public static final Set<DayOfWeek> FALLBACK_WEEKEND = Set.copyOf(EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY));

    private final Map<Integer, Set<DayOfWeek>> weekends = new HashMap<>();
    private final Map<LocalDate, CalendarDay> listed = new HashMap<>();

    public WorkingCalendar(Collection<CalendarYear> years) {
        for (CalendarYear year : years) {
            if (weekends.put(year.year(), year.weekendDays()) != null) {
                throw new IllegalArgumentException("The year " + year.year() + " is given twice");
            }
            if (year.weekendDays().size() >= 7) {
                throw new IllegalArgumentException("The year " + year.year() + " has no working day of the week");
            }
            for (CalendarDay day : year.days()) {
                if (day.date().getYear() != year.year() || listed.put(day.date(), day) != null) {
                    throw new IllegalArgumentException("The day " + day.date() + " is outside " + year.year() + " or given twice");
                }
            }
        }
    }

    /** Whether the Board entered that year's calendar; when not, its days are counted with weekends only. */
    public boolean complete(int year) {
        return weekends.containsKey(year);
    }

    /** The years from {@code from}'s to {@code to}'s (either order) that nobody entered. */
    public SortedSet<Integer> incompleteYears(LocalDate from, LocalDate to) {
        SortedSet<Integer> missing = new TreeSet<>();
        int first = Math.min(from.getYear(), to.getYear());
        int last = Math.max(from.getYear(), to.getYear());
        for (int year = first; year <= last; year++) {
            if (!complete(year)) {
                missing.add(year);
            }
        }
        return missing;
    }

    public boolean isWorkingDay(LocalDate day) {
        CalendarDay entry = listed.get(day);
        if (entry != null) {
            return entry.kind() == DayKind.MAKE_UP_WORKDAY;
        }
        return !weekends.getOrDefault(day.getYear(), FALLBACK_WEEKEND).contains(day.getDayOfWeek());
    }

    /** The holiday or make-up working day listed for that day, if any. */
    public Optional<CalendarDay> listed(LocalDate day) {
        return Optional.ofNullable(listed.get(day));
    }

    /**
     * The {@code n}-th working day after {@code from} ({@code from} itself not counted, whether worked
     * or not): "within 5 working days of receipt" ends on {@code addWorkingDays(received, 5)}.
     * {@code n = 0} gives {@code from}.
     *
     * @throws IllegalArgumentException when {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("A count of working days is not negative: " + n);
        }
        LocalDate day = from;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * The working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(from, addWorkingDays(from, n)) == n}; negative when {@code to} is
     * before {@code from} (the working days after {@code to} up to {@code from}, counted down).
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }
}
