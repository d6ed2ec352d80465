package vn.thidua.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureCounterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final FailureCounter counter = new FailureCounter(3, Duration.ofMinutes(15), now::get);

    @Test
    void blocksAtTheLimitUntilTheWindowThatOpenedAtTheFirstFailureCloses() {
        counter.failed("a");
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        counter.failed("a");
        assertTrue(counter.blockedFor("a").isEmpty());
        counter.failed("a");
        assertEquals(Duration.ofMinutes(10).toNanos(), counter.blockedFor("a").orElseThrow());
        assertTrue(counter.blockedFor("b").isEmpty(), "keys count on their own");

        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertTrue(counter.blockedFor("a").isEmpty());
        counter.failed("a");
        assertTrue(counter.blockedFor("a").isEmpty(), "a new window starts from one failure");
    }

    @Test
    void aResetForgetsTheFailures() {
        counter.failed("a");
        counter.failed("a");
        counter.reset("a");
        counter.failed("a");
        counter.failed("a");
        assertTrue(counter.blockedFor("a").isEmpty());
    }

    @Test
    void refusesAMeaninglessConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new FailureCounter(0, Duration.ofMinutes(1), now::get));
        assertThrows(IllegalArgumentException.class, () -> new FailureCounter(5, Duration.ZERO, now::get));
    }
}
