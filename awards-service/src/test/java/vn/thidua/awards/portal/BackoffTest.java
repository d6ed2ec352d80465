package vn.thidua.awards.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The production numbers of docs/portal.md: 10 s doubling to 30 min, each wait jittered within its upper half. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofMinutes(30));

    @Test
    void doublesFromTheInitialWaitUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(10), backoff.ceiling(1));
        assertEquals(Duration.ofSeconds(20), backoff.ceiling(2));
        assertEquals(Duration.ofSeconds(40), backoff.ceiling(3));
        assertEquals(Duration.ofSeconds(1280), backoff.ceiling(8));
        assertEquals(Duration.ofMinutes(30), backoff.ceiling(9));
        assertEquals(Duration.ofMinutes(30), backoff.ceiling(1_000));
    }

    @Test
    void jitterStaysInTheUpperHalf() {
        assertEquals(Duration.ofSeconds(5), backoff.after(1, 0.0));
        assertEquals(Duration.ofMillis(9_999), backoff.after(1, 0.9999));
        for (int failures = 1; failures < 20; failures++) {
            for (double random : new double[] {0, 0.25, 0.5, 0.999}) {
                Duration wait = backoff.after(failures, random);
                Duration ceiling = backoff.ceiling(failures);
                assertTrue(wait.compareTo(ceiling.dividedBy(2)) >= 0 && wait.compareTo(ceiling) <= 0, failures + " " + random + " " + wait);
            }
        }
    }

    @Test
    void retryAfterIsHonouredUpToTheMaximum() {
        assertEquals(Duration.ofSeconds(120), backoff.after(1, 0.5, Duration.ofSeconds(120)));
        assertEquals(Duration.ofMillis(7_500), backoff.after(1, 0.5, Duration.ofSeconds(1)));
        assertEquals(Duration.ofMinutes(30), backoff.after(1, 0.5, Duration.ofHours(5)));
        assertEquals(Duration.ofMillis(7_500), backoff.after(1, 0.5, null));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }
}
