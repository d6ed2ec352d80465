package vn.thidua.gateway.proxy;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import vn.thidua.gateway.accesslog.AccessLog;
import vn.thidua.gateway.config.GatewayConfig;
import vn.thidua.gateway.ratelimit.ClientRateLimiter;
import vn.thidua.gateway.throttle.ClientAddress;
import vn.thidua.gateway.throttle.TrustedProxies;
import vn.thidua.gateway.token.VerifiedTokens;
import vn.thidua.gateway.web.ProblemResponses;
import vn.thidua.gateway.web.RequestIds;

/**
 * The public API: every {@code /api/**} call is authenticated here, then streamed to the service
 * whose prefix it falls under. Roles are not checked here; each service verifies the token and
 * decides for itself.
 *
 * <p>In order: the declared body size (413), the token, the client's rate limit (429), the route
 * (404), the service's circuit breaker (503), then the proxy, which also counts the body as it
 * streams (413) and tells the breaker how the service did.
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /**
     * Where Quarkus's HTTP metrics (and tracing) look for a route template. Without it every
     * unit code and id in a path would become a metric series of its own.
     */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** After the request id and the access log (ResponseHeaders, AccessLog), before Quarkus's handlers. */
    private static final int DECLARED_LENGTH_ORDER = Integer.MIN_VALUE + 102;

    private final RouteTable routes;
    private final ProblemResponses problems;
    private final HttpClient client;
    private final long responseTimeoutMillis;
    private final ClientRateLimiter rateLimiter;
    private final TrustedProxies trustedProxies;
    private final BodyLimits bodyLimits;
    private final UpstreamBreakers breakers;
    private final VerifiedTokens verifiedTokens;
    private final Vertx vertx;

    public GatewayRoutes(GatewayConfig config, Vertx vertx, ProblemResponses problems) {
        this.vertx = vertx;
        this.routes = RouteTable.of(config.routes());
        this.problems = problems;
        this.responseTimeoutMillis = config.responseTimeout().toMillis();
        GatewayConfig.RateLimit rate = config.rateLimit();
        this.rateLimiter = rate.enabled()
                ? ClientRateLimiter.withSystemClock(rate.requestsPerSecond(), rate.burst(), rate.maxClients())
                : null;
        this.trustedProxies = TrustedProxies.from(config);
        GatewayConfig.TokenCache tokenCache = config.tokenCache();
        this.verifiedTokens = tokenCache.enabled()
                ? new VerifiedTokens(tokenCache.maxEntries(), tokenCache.maxAge(), System::currentTimeMillis)
                : null;
        this.bodyLimits = new BodyLimits(config.maxBodySize().asLongValue(), config.maxJsonBodySize().asLongValue());
        GatewayConfig.CircuitBreaker breaker = config.circuitBreaker();
        this.breakers = new UpstreamBreakers(breaker.enabled(), breaker.failureThreshold(), breaker.openFor(),
                config.responseTimeout().multipliedBy(2), System::nanoTime);
        HttpClientOptions options = new HttpClientOptions()
                .setKeepAlive(true)
                .setConnectTimeout(Math.toIntExact(config.connectTimeout().toMillis()));
        // A safety net that closes sockets a service forgot; the per-request timeout (504) fires first.
        options.setIdleTimeout(Math.toIntExact(2 * responseTimeoutMillis));
        options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS);
        this.client = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(config.maxConnectionsPerService()));
        routes.upstreams().forEach(u -> LOG.infof("Route %s: %s/** -> %s://%s:%d", u.name(), u.prefix(),
                u.ssl() ? "https" : "http", u.host(), u.port()));
    }

    void register(@Observes Router router) {
        // Before Quarkus's own check of quarkus.http.limits.max-body-size, which answers an empty 413.
        router.route("/api/*").order(DECLARED_LENGTH_ORDER).handler(this::checkDeclaredLength);
        router.route("/api/*").handler(this::handle);
    }

    /**
     * A body whose declared length is over the limit is refused before it is read, and before the
     * token is checked (a cheap answer to a request that cannot succeed). The connection is closed
     * rather than made to swallow the body.
     */
    private void checkDeclaredLength(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        long limit = bodyLimits.limitFor(request.getHeader(HttpHeaders.CONTENT_TYPE));
        if (bodyLimits.declaredTooLarge(request, limit).isEmpty()) {
            rc.next();
            return;
        }
        request.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.send(request, RequestIds.of(rc), 413, "payload-too-large", "gateway.payload-too-large", limit)
                .onComplete(ignored -> request.connection().close());
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        // Nothing may read the body before the proxy does (the token may be checked asynchronously); the proxy resumes it.
        request.pause();
        String requestId = RequestIds.of(rc);
        Context context = Vertx.currentContext();
        context.putLocal(URL_PATH_TEMPLATE, "/api/**");
        String token = verifiedTokens == null ? null : bearerToken(request);
        Optional<String> known = token == null ? Optional.empty() : verifiedTokens.subject(token);
        if (known.isPresent()) {
            // verified before, byte for byte, and not expired: no signature check, no hop off this event loop
            identified(rc, context, known.get(), requestId);
            return;
        }
        // With lazy authentication Quarkus would end a failed request with an empty 401; we answer ourselves.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (event, failure) -> {
        });
        QuarkusHttpUser.getSecurityIdentity(rc, null)
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .subscribe().with(
                        identity -> identified(rc, context, verifiedSubject(identity, token), requestId),
                        failure -> {
                            LOG.debugf("Token refused for %s %s: %s", request.method(), request.path(), failure.toString());
                            identified(rc, context, null, requestId);
                        });
    }

    /** The subject of an identity the verifier has just established, remembering its token for the next call. */
    private String verifiedSubject(SecurityIdentity identity, String token) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        String subject = identity.getPrincipal().getName();
        // only the very token this request carried, as the verifier saw it, is remembered
        if (token != null && subject != null && identity.getPrincipal() instanceof JsonWebToken jwt && token.equals(jwt.getRawToken())) {
            verifiedTokens.remember(token, subject, jwt.getExpirationTime());
        }
        return subject;
    }

    /** The token of a single {@code Authorization: Bearer} header; anything else is left to the verifier alone. */
    static String bearerToken(HttpServerRequest request) {
        List<String> values = request.headers().getAll(HttpHeaders.AUTHORIZATION);
        if (values.size() != 1) {
            return null;
        }
        String value = values.get(0);
        if (value.length() <= 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            return null;
        }
        String token = value.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** @param subject the token's subject, or null when there is no valid token */
    private void identified(RoutingContext rc, Context context, String subject, String requestId) {
        HttpServerRequest request = rc.request();
        if (request.response().ended()) {
            return;
        }
        boolean authenticated = subject != null;
        if (subject != null) {
            rc.put(AccessLog.SUBJECT, subject);
        }
        if (rateLimiter != null) {
            // Callers without a valid token are counted by address, so guessing tokens is limited too.
            String client = subject != null ? "sub:" + subject : "addr:" + ClientAddress.of(request, trustedProxies);
            OptionalLong retryAfter = rateLimiter.tryAcquire(client);
            if (retryAfter.isPresent()) {
                request.resume();
                request.response().putHeader("Retry-After", Long.toString(retryAfter.getAsLong()));
                problems.send(request, requestId, 429, "rate-limited", "gateway.rate-limited", retryAfter.getAsLong());
                return;
            }
        }
        if (!authenticated) {
            unauthenticated(request, requestId);
            return;
        }
        String path = rc.normalizedPath();
        Upstream upstream = routes.match(path).orElse(null);
        if (upstream == null) {
            request.resume();
            problems.send(request, requestId, 404, "route-not-found", "gateway.route-not-found", path);
            return;
        }
        rc.put(AccessLog.UPSTREAM, upstream.name());
        context.putLocal(URL_PATH_TEMPLATE, upstream.prefix() + "/**");
        long bodyLimit = bodyLimits.limitFor(request.getHeader(HttpHeaders.CONTENT_TYPE));
        UpstreamBreakers.Decision decision = breakers.acquire(upstream);
        if (decision instanceof UpstreamBreakers.Refused refused) {
            request.resume();
            request.response().putHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
            problems.send(request, requestId, 503, "upstream-unavailable", "gateway.circuit-open", upstream.name(),
                    refused.retryAfterSeconds());
            return;
        }
        UpstreamBreakers.Permit permit = (UpstreamBreakers.Permit) decision;
        String query = request.query();
        String uri = query == null ? path : path + "?" + query;
        Forwarding forwarding = new Forwarding(upstream, uri, requestId, problems, bodyLimit, permit, vertx);
        HttpProxy.reverseProxy(client)
                .origin(proxyContext -> client.request(new RequestOptions()
                        .setHost(upstream.host())
                        .setPort(upstream.port())
                        .setSsl(upstream.ssl())
                        .setIdleTimeout(responseTimeoutMillis))
                        .onSuccess(forwarding::upstreamRequest))
                .addInterceptor(forwarding)
                .handle(request);
    }


    private void unauthenticated(HttpServerRequest request, String requestId) {
        if (request.response().ended()) {
            return;
        }
        // the body is not wanted; let it drain so the connection stays usable
        request.resume();
        request.response().putHeader("WWW-Authenticate", "Bearer");
        problems.send(request, requestId, 401, "unauthenticated", "problem.unauthenticated");
    }
}
