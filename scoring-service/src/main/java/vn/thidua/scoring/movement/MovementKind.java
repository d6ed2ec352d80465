package vn.thidua.scoring.movement;

/** Law on Emulation and Commendation 2022, Art. 16: emulation is regular or thematic. */
public enum MovementKind {
    /** Thường xuyên: the yearly movement, within one calendar year. */
    REGULAR,
    /** Theo chuyên đề: a movement on one theme, which may run several years. */
    THEMATIC
}
