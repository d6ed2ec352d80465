package vn.thidua.gateway.token;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import vn.thidua.gateway.config.GatewayConfig;

/**
 * Bounds the password hashes computed at once for the token endpoint. Each Argon2id check holds
 * about 20 MiB of heap while it runs, so unbounded parallel logins exhaust the heap; here a login
 * that finds every permit taken is refused at once with {@link LoginsBusy} (503), never queued,
 * since a waiting request would hold its memory and thread too. The bound and its arithmetic:
 * docs/security.md, "Password guessing".
 */
@ApplicationScoped
public class PasswordHashGate {
    /** A hash takes well under a second, so a permit is likely free again by then. */
    static final long RETRY_AFTER_SECONDS = 1;

    private final int bound;
    private final Semaphore permits;
    private final AtomicLong admitted = new AtomicLong();
    private final AtomicInteger peak = new AtomicInteger();

    @Inject
    public PasswordHashGate(GatewayConfig config) {
        this(config.auth().maxConcurrentHashes());
    }

    /** For tests of the bound alone, without the application. */
    PasswordHashGate(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("thidua.gateway.auth.max-concurrent-hashes must be at least 1");
        }
        this.bound = bound;
        this.permits = new Semaphore(bound);
    }

    /** Runs {@code check} (which hashes) under a permit, or refuses with {@link LoginsBusy} when none is free. */
    public <T> T check(Supplier<T> check) {
        if (!permits.tryAcquire()) {
            throw new LoginsBusy(RETRY_AFTER_SECONDS);
        }
        try {
            admitted.incrementAndGet();
            peak.accumulateAndGet(bound - permits.availablePermits(), Math::max);
            return check.get();
        } finally {
            permits.release();
        }
    }

    /** Checks admitted since start: how tests see how many attempts reached a hash. */
    public long admitted() {
        return admitted.get();
    }

    /** The most checks seen running at once since start: never above the bound. */
    public int peak() {
        return peak.get();
    }

    /** Every permit was taken: the caller may try again after {@code retryAfterSeconds}. */
    public static class LoginsBusy extends RuntimeException {
        private final long retryAfterSeconds;

        LoginsBusy(long retryAfterSeconds) {
            super("Every password-hash permit is taken", null, false, false);
            this.retryAfterSeconds = retryAfterSeconds;
        }

        public long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
