package vn.thidua.awards.vote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The session's state machine: one way forward, never back. */
class SessionStatusTest {

    @Test
    void aSessionGoesScheduledOpenClosedPublishedAndNeverBack() {
        assertEquals(Set.of(SessionStatus.OPEN), SessionStatus.SCHEDULED.next());
        assertEquals(Set.of(SessionStatus.CLOSED), SessionStatus.OPEN.next());
        assertEquals(Set.of(SessionStatus.PUBLISHED), SessionStatus.CLOSED.next());
        assertTrue(SessionStatus.PUBLISHED.next().isEmpty());
        for (SessionStatus from : SessionStatus.values()) {
            for (SessionStatus to : SessionStatus.values()) {
                assertEquals(to.ordinal() == from.ordinal() + 1, from.canMoveTo(to), from + " → " + to);
            }
        }
        assertNull(SessionStatus.before(SessionStatus.SCHEDULED));
        assertEquals(SessionStatus.CLOSED, SessionStatus.before(SessionStatus.PUBLISHED));
    }

    @Test
    void theBallotsAreCountedOnceClosed() {
        assertFalse(SessionStatus.SCHEDULED.counted());
        assertFalse(SessionStatus.OPEN.counted());
        assertTrue(SessionStatus.CLOSED.counted());
        assertTrue(SessionStatus.PUBLISHED.counted());
    }
}
