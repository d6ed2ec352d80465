package vn.thidua.awards.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Counting working days over holidays, make-up days and years nobody entered. */
class WorkingCalendarTest {
    private static final Set<DayOfWeek> WEEKEND = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);

    /** 2026 as a test calendar: Tết Monday 16 to Friday 20 February, 27 and 30 April, 1 May, a make-up Saturday 3 January. */
    static CalendarYear year2026() {
        List<CalendarDay> days = new ArrayList<>();
        days.add(new CalendarDay(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch"));
        days.add(new CalendarDay(LocalDate.of(2026, 1, 2), DayKind.HOLIDAY, "Nghỉ hoán đổi"));
        days.add(new CalendarDay(LocalDate.of(2026, 1, 3), DayKind.MAKE_UP_WORKDAY, "Làm bù cho 02/01"));
        for (int d = 16; d <= 20; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 2, d), DayKind.HOLIDAY, "Tết Nguyên đán"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 4, 27), DayKind.HOLIDAY, "Nghỉ bù Giỗ Tổ Hùng Vương"));
        days.add(new CalendarDay(LocalDate.of(2026, 4, 30), DayKind.HOLIDAY, "Ngày Giải phóng miền Nam"));
        days.add(new CalendarDay(LocalDate.of(2026, 5, 1), DayKind.HOLIDAY, "Ngày Quốc tế Lao động"));
        return new CalendarYear(2026, WEEKEND, days, "kiểm thử", "M");
    }

    static CalendarYear year2027() {
        return new CalendarYear(2027, WEEKEND, List.of(new CalendarDay(LocalDate.of(2027, 1, 1), DayKind.HOLIDAY, "Tết Dương lịch")),
                "kiểm thử", "M");
    }

    @Test
    void holidaysAndWeekendsAreOffAndAMakeUpSaturdayIsWorked() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(year2026()));
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 17)), "Tết");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)), "a Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 23)));
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 1, 3)), "the make-up Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 1, 10)), "an ordinary Saturday");
        // 31 December 2025 (not entered) → Thu 1, Fri 2 off, Sat 3 worked (1), Mon 5 (2)
        assertEquals(LocalDate.of(2026, 1, 5), calendar.addWorkingDays(LocalDate.of(2025, 12, 31), 2));
        assertEquals(2, calendar.workingDaysBetween(LocalDate.of(2025, 12, 31), LocalDate.of(2026, 1, 5)));
    }

    @Test
    void fiveWorkingDaysAcrossTet() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(year2026()));
        // received Friday 13 February: Tết takes the next week, so Monday 23 to Friday 27
        LocalDate received = LocalDate.of(2026, 2, 13);
        assertEquals(LocalDate.of(2026, 2, 27), calendar.addWorkingDays(received, 5));
        assertEquals(5, calendar.workingDaysBetween(received, LocalDate.of(2026, 2, 27)));
        assertEquals(0, calendar.workingDaysBetween(received, LocalDate.of(2026, 2, 22)));
        assertEquals(-5, calendar.workingDaysBetween(LocalDate.of(2026, 2, 27), received));
        assertEquals(received, calendar.addWorkingDays(received, 0));
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(received, -1));
        assertTrue(calendar.incompleteYears(received, LocalDate.of(2026, 2, 27)).isEmpty());
    }

    @Test
    void twentyWorkingDaysAcrossTheAprilHolidays() {
        WorkingCalendar calendar = new WorkingCalendar(List.of(year2026()));
        // from Monday 20 April: 21–24 (4), 27 off, 28–29 (6), 30/4 and 1/5 off, 4–8 May (11), 11–15 (16), 18–21 (20)
        LocalDate from = LocalDate.of(2026, 4, 20);
        assertEquals(LocalDate.of(2026, 5, 21), calendar.addWorkingDays(from, 20));
        // +10 where other agencies are consulted: 30 in all
        assertEquals(LocalDate.of(2026, 6, 4), calendar.addWorkingDays(from, 30));
        assertEquals(30, calendar.workingDaysBetween(from, LocalDate.of(2026, 6, 4)));
    }

    @Test
    void aYearNobodyEnteredFallsBackToWeekendsAndSaysSo() {
        LocalDate from = LocalDate.of(2026, 12, 28);
        WorkingCalendar only2026 = new WorkingCalendar(List.of(year2026()));
        assertTrue(only2026.complete(2026));
        assertFalse(only2026.complete(2027));
        // 29, 30, 31 December, then 1 January 2027 counted as worked: nobody said it is a holiday
        assertEquals(LocalDate.of(2027, 1, 4), only2026.addWorkingDays(from, 5));
        assertEquals(Set.of(2027), only2026.incompleteYears(from, LocalDate.of(2027, 1, 4)));

        WorkingCalendar both = new WorkingCalendar(List.of(year2026(), year2027()));
        assertEquals(LocalDate.of(2027, 1, 5), both.addWorkingDays(from, 5));
        assertTrue(both.incompleteYears(from, LocalDate.of(2027, 1, 5)).isEmpty());

        WorkingCalendar none = new WorkingCalendar(List.of());
        assertFalse(none.complete(2026));
        assertTrue(none.isWorkingDay(LocalDate.of(2026, 2, 17)), "without a calendar, Tết is not known");
        assertFalse(none.isWorkingDay(LocalDate.of(2026, 2, 14)));
    }

    @Test
    void aYearGivenTwiceOrADayOutsideItsYearIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(List.of(year2026(), year2026())));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(List.of(new CalendarYear(2027, WEEKEND,
                List.of(new CalendarDay(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "x")), "c", "M"))));
        assertThrows(IllegalArgumentException.class, () -> new WorkingCalendar(List.of(new CalendarYear(2027,
                EnumSet.allOf(DayOfWeek.class), List.of(), "c", "M"))));
    }
}
