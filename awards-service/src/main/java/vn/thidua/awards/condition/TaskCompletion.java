package vn.thidua.awards.condition;

/**
 * How far a person completed their tasks in a year, as their unit assessed them (docs/research/people-and-personal-data.md
 * §5): hoàn thành xuất sắc / tốt / hoàn thành / không hoàn thành nhiệm vụ. Declared best first, so that "at least" compares
 * the declaration order.
 */
public enum TaskCompletion {
    EXCELLENT, GOOD, COMPLETED, NOT_COMPLETED;

    /** Whether this rating is {@code other} or better. */
    public boolean atLeast(TaskCompletion other) {
        return ordinal() <= other.ordinal();
    }
}
