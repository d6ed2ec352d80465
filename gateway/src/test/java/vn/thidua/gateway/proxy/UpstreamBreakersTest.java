package vn.thidua.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.resilience4j.circuitbreaker.CircuitBreaker.State;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpstreamBreakersTest {
    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final UpstreamBreakers breakers = new UpstreamBreakers(true, 3, Duration.ofSeconds(10), Duration.ofSeconds(60), now::get);
    private final Upstream units = Upstream.of("units", "/api/units", "http://units:8081");
    private final Upstream clusters = Upstream.of("clusters", "/api/clusters", "http://units:8081");
    private final Upstream scoring = Upstream.of("scoring", "/api/scoring", "http://scoring:8082");

    @Test
    void opensAfterConsecutiveFailuresOnly() {
        fail(units);
        fail(units);
        succeed(units); // a success in between starts the count again
        fail(units);
        fail(units);
        assertEquals(State.CLOSED, breakers.state(units));
        fail(units);
        assertEquals(State.OPEN, breakers.state(units));

        UpstreamBreakers.Decision refused = breakers.acquire(units);
        assertEquals(new UpstreamBreakers.Refused(10), refused);
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(6500));
        assertEquals(new UpstreamBreakers.Refused(4), breakers.acquire(units), "the time left, rounded up");
    }

    @Test
    void oneServiceIsOneBreakerWhateverItsRoutesAndOthersAreNotConcerned() {
        fail(units);
        fail(clusters);
        fail(units);
        assertInstanceOf(UpstreamBreakers.Refused.class, breakers.acquire(clusters));
        assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(scoring));
    }

    @Test
    void afterTheOpenPeriodOneProbeDecides() {
        for (int i = 0; i < 3; i++) {
            fail(units);
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(10) - 1);
        assertEquals(new UpstreamBreakers.Refused(1), breakers.acquire(units), "not a moment before open-for has passed");
        now.addAndGet(2);
        UpstreamBreakers.Permit probe = assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(units));
        assertEquals(State.HALF_OPEN, breakers.state(units));
        assertEquals(new UpstreamBreakers.Refused(1), breakers.acquire(units), "only one probe at a time");

        probe.failed(new IOException("still down"));
        assertEquals(State.OPEN, breakers.state(units));
        assertEquals(new UpstreamBreakers.Refused(10), breakers.acquire(units), "a failed probe opens it for a whole period again");

        now.addAndGet(TimeUnit.SECONDS.toNanos(10) + 1);
        assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(units)).succeeded();
        assertEquals(State.CLOSED, breakers.state(units));
        assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(units));
    }

    @Test
    void aReleasedPermitCountsNeitherWay() {
        for (int i = 0; i < 3; i++) {
            assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(units)).released();
        }
        fail(units);
        fail(units);
        assertEquals(State.CLOSED, breakers.state(units));
    }

    @Test
    void aPermitIsSettledOnce() {
        UpstreamBreakers.Permit permit = assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(units));
        permit.failed(new IOException("x"));
        permit.failed(new IOException("x"));
        permit.failed(new IOException("x"));
        assertEquals(State.CLOSED, breakers.state(units));
    }

    @Test
    void disabledAlwaysLetsThrough() {
        UpstreamBreakers off = new UpstreamBreakers(false, 1, Duration.ofSeconds(10), Duration.ofSeconds(60), now::get);
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(UpstreamBreakers.Permit.class, off.acquire(units)).failed(new IOException("down"));
        }
        assertInstanceOf(UpstreamBreakers.Permit.class, off.acquire(units));
    }

    @Test
    void aThresholdBelowOneIsAConfigurationError() {
        assertThrows(IllegalArgumentException.class, () -> new UpstreamBreakers(true, 0, Duration.ofSeconds(1), Duration.ofSeconds(1), now::get));
    }

    private void fail(Upstream upstream) {
        assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(upstream)).failed(new IOException("refused"));
    }

    private void succeed(Upstream upstream) {
        assertInstanceOf(UpstreamBreakers.Permit.class, breakers.acquire(upstream)).succeeded();
    }
}
