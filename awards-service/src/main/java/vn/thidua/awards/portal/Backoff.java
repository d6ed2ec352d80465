package vn.thidua.awards.portal;

import java.time.Duration;

/**
 * How long to wait before the next attempt: exponential ({@code initial × 2^(failures − 1)}, at
 * most {@code max}) with "equal jitter" — a random point in the upper half of that wait — so that
 * many deliveries failing together do not come back together, while the wait still grows.
 */
record Backoff(Duration initial, Duration max) {

    Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, not " + initial + " and " + max);
        }
    }

    /**
     * @param failures attempts failed so far (1 after the first)
     * @param random   a number in [0, 1)
     */
    Duration after(int failures, double random) {
        Duration base = ceiling(failures);
        long half = base.toMillis() / 2;
        return Duration.ofMillis(base.toMillis() - half + (long) (half * random));
    }

    /** The same, but never sooner than the portal asked ({@code Retry-After}), and never later than {@code max}. */
    Duration after(int failures, double random, Duration retryAfter) {
        Duration wait = after(failures, random);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            return retryAfter.compareTo(max) > 0 ? max : retryAfter;
        }
        return wait;
    }

    /** The wait before jitter: {@code initial × 2^(failures − 1)}, at most {@code max}. */
    Duration ceiling(int failures) {
        int doublings = Math.max(0, Math.min(failures - 1, 40));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
