package vn.thidua.scoring.criteria;

/** DRAFT (editable) → PUBLISHED (immutable, scoring open) → CLOSED (locked, ranking final). */
public enum CriteriaSetStatus {
    DRAFT, PUBLISHED, CLOSED
}
