package vn.thidua.awards.calendar;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One year's working calendar as the Board entered it: its weekend days-of-week, its holidays and
 * make-up working days, and the text that set them (citation, confidence tag V, V2, M or ?).
 */
public record CalendarYear(int year, Set<DayOfWeek> weekendDays, List<CalendarDay> days, String citation, String tag) {
    public CalendarYear {
        weekendDays = weekendDays == null || weekendDays.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(weekendDays));
        days = days == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(days));
    }
}
