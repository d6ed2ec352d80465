package vn.thidua.awards.vote;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a voting session as an explicit state machine: SCHEDULED (created by the Board) → OPEN (the voter
 * roll is fixed; ballots accepted between the opening and closing times) → CLOSED (counted; the Board reviews) →
 * PUBLISHED (immutable; events sent). A session never goes back: a vote that left places open is settled by a new
 * session, its runoff.
 */
public enum SessionStatus {
    SCHEDULED,
    OPEN,
    CLOSED,
    PUBLISHED;

    public Set<SessionStatus> next() {
        return switch (this) {
            case SCHEDULED -> EnumSet.of(OPEN);
            case OPEN -> EnumSet.of(CLOSED);
            case CLOSED -> EnumSet.of(PUBLISHED);
            case PUBLISHED -> EnumSet.noneOf(SessionStatus.class);
        };
    }

    public boolean canMoveTo(SessionStatus target) {
        return next().contains(target);
    }

    /** The one status a session moves to {@code target} from (none for SCHEDULED, where a session starts). */
    public static SessionStatus before(SessionStatus target) {
        for (SessionStatus status : values()) {
            if (status.canMoveTo(target)) {
                return status;
            }
        }
        return null;
    }

    /** Whether the ballots have been counted: closed, or published since. */
    public boolean counted() {
        return this == CLOSED || this == PUBLISHED;
    }
}
