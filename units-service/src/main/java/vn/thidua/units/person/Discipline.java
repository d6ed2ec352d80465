package vn.thidua.units.person;

/** The heaviest discipline in force on a person in a year; lightest first, so that order compares severity. */
public enum Discipline {
    NONE,
    /** Khiển trách. */
    REPRIMAND,
    /** Cảnh cáo: from here on the Advanced Labour Collective's "no member disciplined" condition fails. */
    WARNING,
    /** Hạ bậc lương. */
    SALARY_DOWNGRADE,
    /** Giáng chức. */
    DEMOTION,
    /** Cách chức. */
    DISMISSAL_FROM_POST,
    /** Buộc thôi việc. */
    DISMISSAL;

    public boolean atLeast(Discipline other) {
        return compareTo(other) >= 0;
    }
}
