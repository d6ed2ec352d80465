package vn.thidua.units.cluster;

/** How a unit came to be recorded as leading its cluster-year's emulation (đơn vị dẫn đầu cụm/khối). */
public enum EmulationLeaderBasis {
    /** Elected in the LEAD contest of a vote awards-service published (vn.thidua.awards.VoteConcluded). */
    VOTE,
    /** Entered by the Board for a cluster that voted on paper, with the minutes as reference. */
    RECORDED
}
