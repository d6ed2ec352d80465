package vn.thidua.units.person;

/** How a person completed the year's tasks, as the unit rated it; best first. */
public enum TaskRating {
    /** Hoàn thành xuất sắc nhiệm vụ. */
    EXCELLENT,
    /** Hoàn thành tốt nhiệm vụ. */
    GOOD,
    /** Hoàn thành nhiệm vụ. */
    COMPLETED,
    /** Không hoàn thành nhiệm vụ. */
    NOT_COMPLETED;

    /** Whether the person completed the tasks: what the collective titles' "100 % completed" counts. */
    public boolean completesTasks() {
        return this != NOT_COMPLETED;
    }
}
