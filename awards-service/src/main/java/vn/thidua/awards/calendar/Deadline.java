package vn.thidua.awards.calendar;

import java.time.LocalDate;
import java.util.List;

/** One step with a time limit: whose it is, what, by when, under which limit, and where it stands. */
public record Deadline(String subject, long id, String href, String unitCode, String awardTypeCode, String step, LocalDate due,
                       Deadlines.LimitUsed limit, boolean calendarComplete, List<Integer> incompleteYears, DeadlineState state,
                       LocalDate doneOn, String reason) {
}
