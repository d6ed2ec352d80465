package vn.thidua.awards.calendar;

import java.time.LocalDate;

/** One listed day of a year's working calendar: a holiday, or a weekend day that is worked. */
public record CalendarDay(LocalDate date, DayKind kind, String name) {
}
