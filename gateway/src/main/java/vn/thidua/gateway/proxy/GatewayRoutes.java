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
import java.util.function.BiConsumer;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The public API: every {@code /api/**} call is authenticated here, then streamed to the service
 * whose prefix it falls under. Roles are not checked here; each service verifies the token and
 * decides for itself.
 */
@ApplicationScoped
public class GatewayRoutes {
    private static final Logger LOG = Logger.getLogger(GatewayRoutes.class);
    /**
     * Where Quarkus's HTTP metrics (and tracing) look for a route template. Without it every
     * unit code and id in a path would become a metric series of its own.
     */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final ProblemResponses problems;
    private final HttpClient client;
    private final long responseTimeoutMillis;

    public GatewayRoutes(GatewayConfig config, Vertx vertx, ProblemResponses problems) {
        this.routes = RouteTable.of(config.routes());
        this.problems = problems;
        this.responseTimeoutMillis = config.responseTimeout().toMillis();
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
        router.route("/api/*").handler(this::handle);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        // Nothing may read the body while the token is checked asynchronously; the proxy resumes it.
        request.pause();
        String requestId = RequestIds.of(rc);
        Context context = Vertx.currentContext();
        context.putLocal(URL_PATH_TEMPLATE, "/api/**");
        // With lazy authentication Quarkus would end a failed request with an empty 401; we answer ourselves.
        rc.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, (BiConsumer<RoutingContext, Throwable>) (event, failure) -> {
        });
        QuarkusHttpUser.getSecurityIdentity(rc, null)
                .emitOn(command -> context.runOnContext(ignored -> command.run()))
                .subscribe().with(
                        identity -> authenticated(rc, context, identity, requestId),
                        failure -> {
                            LOG.debugf("Token refused for %s %s: %s", request.method(), request.path(), failure.toString());
                            unauthenticated(request, requestId);
                        });
    }

    private void authenticated(RoutingContext rc, Context context, SecurityIdentity identity, String requestId) {
        HttpServerRequest request = rc.request();
        if (identity == null || identity.isAnonymous()) {
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
        context.putLocal(URL_PATH_TEMPLATE, upstream.prefix() + "/**");
        String query = request.query();
        String uri = query == null ? path : path + "?" + query;
        HttpProxy.reverseProxy(client)
                .origin(proxyContext -> client.request(new RequestOptions()
                        .setHost(upstream.host())
                        .setPort(upstream.port())
                        .setSsl(upstream.ssl())
                        .setIdleTimeout(responseTimeoutMillis)))
                .addInterceptor(new Forwarding(upstream, uri, requestId, problems))
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
