package vn.thidua.scoring.criteria;

/** The scoring stages, in order: self-scoring (tự chấm), peer scoring (chấm chéo), appraisal (thẩm định). */
public enum Stage {
    SELF, PEER, BOARD
}
