package vn.thidua.gateway.proxy;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * One circuit breaker per service: after {@code failureThreshold} consecutive failures the service
 * is not called for {@code openFor}, and callers get 503 at once instead of each waiting for the
 * same connect timeout; then a single probe request goes through and its outcome closes or reopens it.
 *
 * <p>Resilience4j's breaker rather than SmallRye Fault Tolerance's: the proxy needs a permission
 * before it starts streaming and reports the outcome later, from a callback that sees a status code,
 * which Resilience4j offers as such ({@code tryAcquirePermission}, {@code onSuccess}, {@code onError}),
 * while SmallRye's guards wrap a whole call and judge it by its exception. Memory of each gateway only.
 */
public final class UpstreamBreakers {
    private final boolean enabled;
    private final CircuitBreakerConfig config;
    private final long openForNanos;
    private final LongSupplier nanoClock;
    private final ConcurrentMap<String, Breaker> breakers = new ConcurrentHashMap<>();

    public UpstreamBreakers(boolean enabled, int failureThreshold, Duration openFor, Duration maxProbeTime, LongSupplier nanoClock) {
        if (failureThreshold < 1 || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("thidua.gateway.circuit-breaker needs a failure-threshold of at least 1 and a positive open-for");
        }
        this.enabled = enabled;
        this.openForNanos = openFor.toNanos();
        this.nanoClock = nanoClock;
        // The last N calls all failed = N consecutive failures.
        this.config = CircuitBreakerConfig.custom()
                .slidingWindow(failureThreshold, failureThreshold, SlidingWindowType.COUNT_BASED)
                .failureRateThreshold(100)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(1)
                // a probe whose outcome never arrives must not hold the breaker half-open for ever
                .maxWaitDurationInHalfOpenState(maxProbeTime)
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                .currentTimestampFunction(clock -> nanoClock.getAsLong(), TimeUnit.NANOSECONDS)
                .clock(new NanoClock(nanoClock))
                .recordExceptions(Throwable.class)
                .build();
    }

    /** Either a permit to call the service, or how many seconds the caller should wait. */
    public sealed interface Decision permits Permit, Refused {
    }

    /** Refused: the breaker is open, or its one probe is under way. */
    public record Refused(long retryAfterSeconds) implements Decision {
    }

    /** Allowed: exactly one of the methods must be called when the outcome is known. */
    public static final class Permit implements Decision {
        private final Breaker breaker;
        private final long startNanos;
        private boolean settled;

        private Permit(Breaker breaker, long startNanos) {
            this.breaker = breaker;
            this.startNanos = startNanos;
        }

        public void succeeded() {
            if (settle()) {
                breaker.breaker.onSuccess(breaker.elapsed(startNanos), TimeUnit.NANOSECONDS);
            }
        }

        public void failed(Throwable cause) {
            if (settle()) {
                breaker.breaker.onError(breaker.elapsed(startNanos), TimeUnit.NANOSECONDS, cause);
            }
        }

        /** Neither: the exchange ended for a reason that says nothing about the service (e.g. the caller's body was too large). */
        public void released() {
            if (settle()) {
                breaker.breaker.releasePermission();
            }
        }

        private synchronized boolean settle() {
            if (settled || breaker.breaker == null) {
                return false;
            }
            settled = true;
            return true;
        }
    }

    private static final Permit ALWAYS = new Permit(new Breaker(null, null), 0);

    public Decision acquire(Upstream upstream) {
        if (!enabled) {
            return ALWAYS;
        }
        String key = (upstream.ssl() ? "https://" : "http://") + upstream.host() + ":" + upstream.port();
        Breaker breaker = breakers.computeIfAbsent(key, k -> new Breaker(CircuitBreaker.of(k, config), this));
        if (breaker.breaker.tryAcquirePermission()) {
            return new Permit(breaker, nanoClock.getAsLong());
        }
        return new Refused(breaker.retryAfterSeconds());
    }

    /** The breaker's state for {@code upstream}, for tests and diagnostics. */
    public CircuitBreaker.State state(Upstream upstream) {
        String key = (upstream.ssl() ? "https://" : "http://") + upstream.host() + ":" + upstream.port();
        Breaker breaker = breakers.get(key);
        return breaker == null ? CircuitBreaker.State.CLOSED : breaker.breaker.getState();
    }

    /** Resilience4j times the open state with a {@link Clock}; this one follows the monotonic nano clock. */
    private static final class NanoClock extends Clock {
        private final LongSupplier nanos;

        NanoClock(LongSupplier nanos) {
            this.nanos = nanos;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochSecond(0, nanos.getAsLong());
        }
    }

    private static final class Breaker {
        final CircuitBreaker breaker;
        final UpstreamBreakers owner;
        volatile long openedAtNanos;

        Breaker(CircuitBreaker breaker, UpstreamBreakers owner) {
            this.breaker = breaker;
            this.owner = owner;
            if (breaker != null) {
                breaker.getEventPublisher().onStateTransition(event -> {
                    if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        openedAtNanos = owner.nanoClock.getAsLong();
                    }
                });
            }
        }

        long elapsed(long startNanos) {
            return Math.max(0, owner.nanoClock.getAsLong() - startNanos);
        }

        long retryAfterSeconds() {
            if (breaker.getState() != CircuitBreaker.State.OPEN) {
                return 1; // half-open: the probe's answer is due shortly
            }
            long left = openedAtNanos + owner.openForNanos - owner.nanoClock.getAsLong();
            return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(left + 999_999_999L));
        }
    }
}
