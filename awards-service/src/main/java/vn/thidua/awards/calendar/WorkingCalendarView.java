package vn.thidua.awards.calendar;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A year's working calendar as the API shows it, and as its audit keeps it before and after a replacement. */
public record WorkingCalendarView(int year, List<DayOfWeek> weekendDays, List<Day> days, String citation, String tag, long version,
                                  String updatedBy, Instant updatedAt) {

    public record Day(LocalDate date, DayKind kind, String name) {
    }

    static WorkingCalendarView of(WorkingCalendarYear y) {
        return new WorkingCalendarView(y.year, List.copyOf(y.weekendDays),
                y.days.stream().map(d -> new Day(LocalDate.parse(d.date()), d.kind(), d.name())).toList(), y.citation, y.tag, y.version,
                y.updatedBy, y.updatedAt);
    }
}
