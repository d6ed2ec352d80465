package vn.thidua.gateway.throttle;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Failures per key in a fixed window that opens at the key's first failure: once a key has
 * {@code limit} failures, it is blocked until its window closes. Memory only, this JVM only.
 */
final class FailureCounter {
    /** Expired windows are swept when the map grows past this, so a flood of keys cannot grow it forever. */
    private static final int SWEEP_THRESHOLD = 10_000;

    private record Window(long startNanos, int failures) {
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

    /** Nanoseconds until {@code key} may try again, or empty when it may try now. */
    OptionalLong blockedFor(String key) {
        Window window = windows.get(key);
        if (window == null || window.failures() < limit) {
            return OptionalLong.empty();
        }
        long left = window.startNanos() + windowNanos - clock.getAsLong();
        return left > 0 ? OptionalLong.of(left) : OptionalLong.empty();
    }

    void failed(String key) {
        long now = clock.getAsLong();
        windows.compute(key, (k, w) -> w == null || now - w.startNanos() >= windowNanos
                ? new Window(now, 1)
                : new Window(w.startNanos(), w.failures() + 1));
        if (windows.size() > SWEEP_THRESHOLD) {
            windows.values().removeIf(w -> now - w.startNanos() >= windowNanos);
        }
    }

    void reset(String key) {
        windows.remove(key);
    }
}
