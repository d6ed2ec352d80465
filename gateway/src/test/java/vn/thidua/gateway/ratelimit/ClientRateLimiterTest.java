package vn.thidua.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.bucket4j.TimeMeter;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return now.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };

    @Test
    void aClientMaySendTheBurstAtOnceThenTheRate() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, 5, 100, clock);
        for (int i = 0; i < 5; i++) {
            assertTrue(limiter.tryAcquire("sub:a").isEmpty(), "request " + i + " of the burst");
        }
        OptionalLong refused = limiter.tryAcquire("sub:a");
        assertEquals(OptionalLong.of(1), refused, "one more after half a second, rounded up to whole seconds");

        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        assertTrue(limiter.tryAcquire("sub:a").isEmpty(), "2 per second: one refilled after 500 ms");
        assertTrue(limiter.tryAcquire("sub:a").isPresent());
    }

    @Test
    void clientsAreCountedApart() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 1, 100, clock);
        assertTrue(limiter.tryAcquire("sub:a").isEmpty());
        assertTrue(limiter.tryAcquire("sub:a").isPresent());
        assertTrue(limiter.tryAcquire("sub:b").isEmpty());
        assertTrue(limiter.tryAcquire("addr:203.0.113.9").isEmpty());
    }

    @Test
    void retryAfterSaysWhenTheNextRequestIsAllowed() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, 3, 100, clock);
        for (int i = 0; i < 3; i++) {
            limiter.tryAcquire("sub:a");
        }
        assertEquals(OptionalLong.of(1), limiter.tryAcquire("sub:a"));
        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        // idle long enough: the whole burst is back, not more
        for (int i = 0; i < 3; i++) {
            assertTrue(limiter.tryAcquire("sub:a").isEmpty());
        }
        assertTrue(limiter.tryAcquire("sub:a").isPresent());
    }

    @Test
    void aLimitBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimiter(0, 5, 100, clock));
        assertThrows(IllegalArgumentException.class, () -> new ClientRateLimiter(5, 0, 100, clock));
    }
}
