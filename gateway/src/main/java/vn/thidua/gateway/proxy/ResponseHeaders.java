package vn.thidua.gateway.proxy;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import vn.thidua.gateway.config.GatewayConfig;
import vn.thidua.gateway.web.RequestIds;

/**
 * What every answer of the gateway carries, whoever wrote it (a service through the proxy, the
 * token endpoint, a problem, Quarkus itself): the request id and the browser hardening headers.
 */
@ApplicationScoped
public class ResponseHeaders {
    /** Runs before Quarkus's own handlers, so even their answers get the headers. */
    private static final int ORDER = Integer.MIN_VALUE + 100;

    private final Optional<String> strictTransportSecurity;

    public ResponseHeaders(GatewayConfig config) {
        this.strictTransportSecurity = config.strictTransportSecurity().map(String::strip).filter(v -> !v.isEmpty());
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext rc) {
        String requestId = RequestIds.keepOrCreate(rc.request().getHeader(RequestIds.HEADER));
        rc.put(RequestIds.CONTEXT_KEY, requestId);
        boolean auth = rc.request().path() != null && rc.request().path().startsWith("/auth/");
        rc.addHeadersEndHandler(ignored -> {
            MultiMap headers = rc.response().headers();
            headers.set(RequestIds.HEADER, requestId);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
            strictTransportSecurity.ifPresent(value -> headers.set("Strict-Transport-Security", value));
            // tokens and login problems must not be kept anywhere; /auth/jwks states its own (public) caching
            if (auth && !headers.contains(HttpHeaders.CACHE_CONTROL)) {
                headers.set(HttpHeaders.CACHE_CONTROL, "no-store");
            }
        });
        rc.next();
    }
}
