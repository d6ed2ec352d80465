package vn.thidua.scoring.registration;

/** The mid-year review (sơ kết) and the year-end review (tổng kết). */
public enum ReportKind {
    MIDYEAR, YEAREND
}
