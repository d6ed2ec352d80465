package vn.thidua.scoring.criteria;

/** Rules that order units with the same total, tried in the set's order; what none breaks is a shared rank. */
public enum TieBreak {
    /** The higher score in the first criteria group (e.g. group I, the political tasks) ranks first. */
    GROUP_FIRST,
    /** Fewer penalty points rank first. */
    FEWER_PENALTIES,
    /** More bonus points (before the cap) rank first. */
    MORE_BONUS
}
