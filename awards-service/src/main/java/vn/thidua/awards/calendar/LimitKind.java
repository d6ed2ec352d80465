package vn.thidua.awards.calendar;

/** How a procedure's time limit is given. */
public enum LimitKind {
    /** A day of the year the limit applies to, {@code MM-dd} ("12-10": by 10 December). */
    DAY_OF_YEAR,
    /** A number of working days after the day the step starts. */
    WORKING_DAYS
}
