package vn.thidua.awards.vote;

/** One question on the ballot: a place to be filled by one or more of its candidates. */
public enum Contest {
    /** Leads the cluster this year and is proposed for the award. */
    LEAD,
    /** Cluster leader (cụm trưởng) for the year to be led. */
    LEADER,
    /** Deputy (cụm phó) for the year to be led; never the same unit as the leader. */
    DEPUTY
}
