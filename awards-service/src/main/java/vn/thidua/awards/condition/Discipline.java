package vn.thidua.awards.condition;

/**
 * The heaviest disciplinary form in force on a person in a year, lightest first: khiển trách, cảnh cáo, hạ bậc lương,
 * giáng chức, cách chức, buộc thôi việc. "Cảnh cáo trở lên" (Law 06/2022 Art. 28) is {@code WARNING} or later.
 */
public enum Discipline {
    NONE, REPRIMAND, WARNING, SALARY_DOWNGRADE, DEMOTION, DISMISSAL_FROM_POST, DISMISSAL;

    /** Whether this form is {@code threshold} or heavier; {@code NONE} never is. */
    public boolean atOrAbove(Discipline threshold) {
        return this != NONE && ordinal() >= threshold.ordinal();
    }
}
