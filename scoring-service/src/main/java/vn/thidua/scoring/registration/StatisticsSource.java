package vn.thidua.scoring.registration;

/** Where a registration's member statistics come from. */
public enum StatisticsSource {
    /** Entered by the unit as figures: only where none of its people are registered. */
    DECLARED,
    /** Counted by units-service from the unit's registered people and their results. */
    COUNTED
}
