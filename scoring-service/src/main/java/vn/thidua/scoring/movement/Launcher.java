package vn.thidua.scoring.movement;

/** Who launched (phát động) a movement: the provincial Board, or one cluster-year (named by its id). */
public enum Launcher {
    BOARD,
    CLUSTER
}
