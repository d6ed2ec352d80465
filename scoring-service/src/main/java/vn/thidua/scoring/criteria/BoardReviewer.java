package vn.thidua.scoring.criteria;

/** Who confirms or adjusts scores in the BOARD stage: a Board officer, or the cluster's leader. */
public enum BoardReviewer {
    BOARD, CLUSTER_LEADER
}
