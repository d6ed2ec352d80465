package vn.thidua.awards.calendar;

/** What a listed day of a working calendar is. */
public enum DayKind {
    /** A public holiday or a day off in lieu (nghỉ bù): not worked, even on a weekday. */
    HOLIDAY,
    /** A make-up working day (ngày làm bù): a weekend day that is worked. */
    MAKE_UP_WORKDAY
}
