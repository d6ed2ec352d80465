package vn.thidua.scoring.registration;

/** Whether more is better (members recruited) or less is (reports sent late). */
public enum Direction {
    HIGHER_IS_BETTER, LOWER_IS_BETTER
}
