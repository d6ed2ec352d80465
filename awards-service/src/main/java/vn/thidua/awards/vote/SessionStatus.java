package vn.thidua.awards.vote;

/**
 * SCHEDULED (created by the Board) → OPEN (the voter roll is fixed; ballots accepted between the
 * opening and closing times) → CLOSED (counted; the Board reviews) → PUBLISHED (immutable; events sent).
 */
public enum SessionStatus {
    SCHEDULED,
    OPEN,
    CLOSED,
    PUBLISHED
}
