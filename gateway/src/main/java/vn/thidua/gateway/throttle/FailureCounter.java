package vn.thidua.gateway.throttle;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Failures per key in a fixed window that opens at the key's first failure: once a key has
 * {@code limit} failures, it is blocked until its window closes. Memory only, this JVM only.
 *
 * <p>An attempt is reserved before its (slow) check and counts against the limit while in flight,
 * so N parallel guesses cannot all pass a limit smaller than N: a key is refused while its failures
 * plus its attempts in flight reach the limit.
 */
final class FailureCounter {
    /** Expired windows are swept when the map grows past this, so a flood of keys cannot grow it forever. */
    private static final int SWEEP_THRESHOLD = 10_000;
    /** An attempt in flight ends within a password hash; the caller may try again after about that. */
    private static final long IN_FLIGHT_RETRY_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** {@code startNanos} is meaningful only while {@code failures > 0}. */
    private record Window(long startNanos, int failures, int inFlight) {
        boolean isEmpty() {
            return failures == 0 && inFlight == 0;
        }
    }

    private final int limit;
    private final long windowNanos;
    private final LongSupplier clock;
    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();

    FailureCounter(int limit, Duration window, LongSupplier nanoClock) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A login throttle needs a limit of at least 1 and a positive window");
        }
        this.limit = limit;
        this.windowNanos = window.toNanos();
        this.clock = nanoClock;
    }

    /**
     * Reserves one attempt for {@code key}: empty when reserved (end it with {@link #release}), else the
     * nanoseconds until the key may try again.
     */
    OptionalLong tryReserve(String key) {
        long now = clock.getAsLong();
        long[] blockedNanos = {0};
        windows.compute(key, (k, w) -> {
            Window current = current(w, now);
            if (current.failures() + current.inFlight() >= limit) {
                blockedNanos[0] = current.failures() >= limit
                        ? current.startNanos() + windowNanos - now
                        : IN_FLIGHT_RETRY_NANOS;
                return current.isEmpty() ? null : current;
            }
            return new Window(current.startNanos(), current.failures(), current.inFlight() + 1);
        });
        sweepIfLarge(now);
        return blockedNanos[0] > 0 ? OptionalLong.of(blockedNanos[0]) : OptionalLong.empty();
    }

    /** Ends a reserved attempt; {@code failed}: it counts as a failure in the key's window. */
    void release(String key, boolean failed) {
        long now = clock.getAsLong();
        windows.computeIfPresent(key, (k, w) -> {
            Window current = current(w, now);
            Window released = failed
                    ? new Window(current.failures() == 0 ? now : current.startNanos(), current.failures() + 1, current.inFlight() - 1)
                    : new Window(current.startNanos(), current.failures(), current.inFlight() - 1);
            return released.isEmpty() ? null : released;
        });
    }

    /** Forgets the key's failures; attempts in flight stay reserved. */
    void reset(String key) {
        windows.computeIfPresent(key, (k, w) -> w.inFlight() == 0 ? null : new Window(0, 0, w.inFlight()));
    }

    /** The window as it counts at {@code now}: an expired one has no failures left. */
    private Window current(Window window, long now) {
        if (window == null) {
            return new Window(0, 0, 0);
        }
        return window.failures() > 0 && now - window.startNanos() >= windowNanos
                ? new Window(0, 0, window.inFlight())
                : window;
    }

    private void sweepIfLarge(long now) {
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.replaceAll((k, w) -> current(w, now));
            windows.values().removeIf(Window::isEmpty);
        }
    }
}
