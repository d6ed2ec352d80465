package vn.thidua.devstack;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Keeps a benchmark's requests at a steady rate: each call returns at the next tick of a fixed
 * schedule, so a slow request is not followed by a burst and the gateway's per-client rate limit is
 * never what gets measured.
 */
final class Pacer {
    private final long intervalNanos;
    private long next = System.nanoTime();

    Pacer(Duration interval) {
        this.intervalNanos = interval.toNanos();
    }

    /**
     * Returns the tick's scheduled time ({@link System#nanoTime()}), which is already past when the
     * caller fell behind: a latency counted from it, not from the late send, has no coordinated omission.
     */
    long awaitNextTick() {
        next += intervalNanos;
        for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        return next;
    }
}
