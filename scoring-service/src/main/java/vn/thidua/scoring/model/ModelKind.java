package vn.thidua.scoring.model;

/** What a unit records: a model or good practice, or an advanced example (a collective or a person). */
public enum ModelKind {
    /** Mô hình, cách làm hay. */
    MODEL,
    /** Điển hình tiên tiến — tập thể. */
    EXEMPLARY_COLLECTIVE,
    /** Điển hình tiên tiến — cá nhân. */
    EXEMPLARY_PERSON
}
