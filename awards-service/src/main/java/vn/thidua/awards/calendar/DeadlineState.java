package vn.thidua.awards.calendar;

import java.time.LocalDate;

/** Where a step stands against its legal time limit. */
public enum DeadlineState {
    /** Not done yet, and the last day has not passed. */
    PENDING,
    /** Done by the last day. */
    MET,
    /** Done, but after the last day. */
    LATE,
    /** Not done, and the last day has passed. */
    OVERDUE,
    /** Sent back (by the Board to the proposer, or by the national Board to the province) with a reason. */
    RETURNED;

    /** A step due on {@code due}, done on {@code doneOn} (null: not yet), seen {@code today}. */
    public static DeadlineState of(LocalDate due, LocalDate doneOn, LocalDate today) {
        if (doneOn != null) {
            return doneOn.isAfter(due) ? LATE : MET;
        }
        return today.isAfter(due) ? OVERDUE : PENDING;
    }
}
