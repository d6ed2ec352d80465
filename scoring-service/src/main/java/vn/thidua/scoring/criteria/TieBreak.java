package vn.thidua.scoring.criteria;

/** Rules that order units with the same total, tried in the set's order; what none breaks is a shared rank. */
public enum TieBreak {
    /** The higher score in the first criteria group (e.g. group I, the political tasks) ranks first. */
    GROUP_FIRST,
    /** Fewer penalty points rank first. */
    FEWER_PENALTIES,
    /** More bonus points (before the cap) rank first. */
    MORE_BONUS,
    /**
     * A collective whose women reach the set's {@code womenShareThresholdPercent} of its members
     * (Decree 152 Art. 4(6): 70 %) ranks before one whose women do not; between two that both reach
     * it, or both do not, it decides nothing.
     */
    WOMEN_SHARE
}
