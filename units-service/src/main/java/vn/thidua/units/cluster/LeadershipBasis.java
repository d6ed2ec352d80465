package vn.thidua.units.cluster;

/** How a cluster-year got its leader (cụm trưởng) and deputy (cụm phó). */
public enum LeadershipBasis {
    /** Set by the Board (PUT /leadership). */
    ASSIGNED,
    /** Elected by the member units (awards-service's ClusterLeaderElected). */
    ELECTED,
    /** Proposed at roll-over: last year's deputy leads, as the usual rotation has it; not yet elected. */
    ROTATION
}
