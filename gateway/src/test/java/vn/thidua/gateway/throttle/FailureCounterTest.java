package vn.thidua.gateway.throttle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FailureCounterTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final FailureCounter counter = new FailureCounter(3, Duration.ofMinutes(15), now::get);

    private void fail(String key) {
        assertTrue(counter.tryReserve(key).isEmpty(), "reserved");
        counter.release(key, true);
    }

    @Test
    void blocksAtTheLimitUntilTheWindowThatOpenedAtTheFirstFailureCloses() {
        fail("a");
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        fail("a");
        fail("a");
        assertEquals(Duration.ofMinutes(10).toNanos(), counter.tryReserve("a").orElseThrow());
        assertTrue(counter.tryReserve("b").isEmpty(), "keys count on their own");

        now.addAndGet(Duration.ofMinutes(10).toNanos());
        fail("a");
        fail("a");
        assertTrue(counter.tryReserve("a").isEmpty(), "a new window starts from one failure");
    }

    @Test
    void attemptsInFlightCountAgainstTheLimitUntilReleased() {
        assertTrue(counter.tryReserve("a").isEmpty());
        assertTrue(counter.tryReserve("a").isEmpty());
        assertTrue(counter.tryReserve("a").isEmpty());
        OptionalLong fourth = counter.tryReserve("a");
        assertEquals(Duration.ofSeconds(1).toNanos(), fourth.orElseThrow(), "refused while three are in flight");

        counter.release("a", false);
        assertTrue(counter.tryReserve("a").isEmpty(), "an attempt that did not fail frees its slot");
        counter.release("a", true);
        counter.release("a", true);
        counter.release("a", true);
        assertEquals(Duration.ofMinutes(15).toNanos(), counter.tryReserve("a").orElseThrow());
    }

    @Test
    void aResetForgetsTheFailuresButNotTheAttemptsInFlight() {
        fail("a");
        fail("a");
        assertTrue(counter.tryReserve("a").isEmpty());
        counter.reset("a");
        assertTrue(counter.tryReserve("a").isEmpty());
        assertTrue(counter.tryReserve("a").isEmpty());
        assertTrue(counter.tryReserve("a").isPresent(), "three in flight");
    }

    @Test
    void refusesAMeaninglessConfiguration() {
        assertThrows(IllegalArgumentException.class, () -> new FailureCounter(0, Duration.ofMinutes(1), now::get));
        assertThrows(IllegalArgumentException.class, () -> new FailureCounter(5, Duration.ZERO, now::get));
    }
}
