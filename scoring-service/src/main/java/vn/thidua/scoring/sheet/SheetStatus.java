package vn.thidua.scoring.sheet;

/** A sheet is OPEN while its scorer fills it in, SUBMITTED (read-only) once sent, unless reopened. */
public enum SheetStatus {
    OPEN, SUBMITTED
}
