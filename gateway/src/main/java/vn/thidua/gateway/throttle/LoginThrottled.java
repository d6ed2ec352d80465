package vn.thidua.gateway.throttle;

/** Too many failed logins: the caller may try again after {@code retryAfterSeconds}. */
public class LoginThrottled extends RuntimeException {
    private final long retryAfterSeconds;

    public LoginThrottled(long retryAfterSeconds) {
        super("Too many failed logins; retry after " + retryAfterSeconds + " s", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
