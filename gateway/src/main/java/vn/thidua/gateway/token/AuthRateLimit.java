package vn.thidua.gateway.token;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.OptionalLong;
import vn.thidua.gateway.config.GatewayConfig;
import vn.thidua.gateway.web.ProblemResponses;
import vn.thidua.gateway.web.RequestIds;
import vn.thidua.gateway.ratelimit.ClientRateLimiter;
import vn.thidua.gateway.throttle.ClientAddress;
import vn.thidua.gateway.throttle.TrustedProxies;

/**
 * A token bucket per client address on {@code /auth/**}, checked before the body is read or any
 * password hashed: one address cannot keep the hash permits ({@link PasswordHashGate}) busy for
 * everybody else. Answered 429 {@code rate-limited} with {@code Retry-After}, like {@code /api/**}.
 */
@ApplicationScoped
public class AuthRateLimit {
    /** After the request id (ResponseHeaders) and the access log, so a refusal is logged with both. */
    private static final int ORDER = Integer.MIN_VALUE + 103;

    private final ClientRateLimiter limiter;
    private final TrustedProxies trustedProxies;
    private final ProblemResponses problems;

    public AuthRateLimit(GatewayConfig config, ProblemResponses problems) {
        GatewayConfig.AuthRateLimit rate = config.auth().rateLimit();
        this.limiter = rate.enabled()
                ? ClientRateLimiter.withSystemClock(rate.requestsPerSecond(), rate.burst(), rate.maxClients())
                : null;
        this.trustedProxies = TrustedProxies.from(config);
        this.problems = problems;
    }

    void register(@Observes Router router) {
        if (limiter != null) {
            router.route("/auth/*").order(ORDER).handler(this::handle);
        }
    }

    private void handle(RoutingContext rc) {
        OptionalLong retryAfter = limiter.tryAcquire(ClientAddress.of(rc.request(), trustedProxies));
        if (retryAfter.isEmpty()) {
            rc.next();
            return;
        }
        rc.response().putHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
        problems.send(rc.request(), RequestIds.of(rc), 429, "rate-limited", "gateway.rate-limited",
                retryAfter.getAsLong());
    }
}
