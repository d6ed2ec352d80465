package vn.thidua.gateway.accesslog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.thidua.gateway.config.GatewayConfig;
import vn.thidua.gateway.throttle.ClientAddress;
import vn.thidua.gateway.throttle.TrustedProxies;

/**
 * One JSON line per request to the {@value #CATEGORY} logger, so operators can send it apart from
 * the application's log (a file, a collector) with {@code quarkus.log.category."thidua.access".*}.
 *
 * <p>Query values are left out (only the parameter names are kept): a search for a person's name or
 * a code typed by a user does not belong in a log kept for months. Neither are headers or bodies.
 */
@ApplicationScoped
public class AccessLog {
    public static final String CATEGORY = "thidua.access";
    /** Where the proxy leaves the token's subject and the route's name for this log. */
    public static final String SUBJECT = "thidua.access.subject";
    public static final String UPSTREAM = "thidua.access.upstream";
    /** Right after the request id is chosen (ResponseHeaders runs at MIN_VALUE + 100). */
    private static final int ORDER = Integer.MIN_VALUE + 101;
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String LOGGED = "thidua.access.logged";
    public static final int CLIENT_CLOSED_REQUEST = 499;

    private final ObjectMapper json;
    private final boolean enabled;
    private final TrustedProxies trustedProxies;
    private final List<String> skipPaths;

    public AccessLog(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.enabled = config.accessLog().enabled();
        this.trustedProxies = TrustedProxies.from(config);
        this.skipPaths = config.accessLog().skipPaths().stream().map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    void register(@Observes Router router) {
        if (enabled) {
            router.route().order(ORDER).handler(this::handle);
        }
    }

    private void handle(RoutingContext rc) {
        HttpServerRequest request = rc.request();
        String path = request.path() == null ? "" : request.path();
        // a reroute (e.g. /q/swagger-ui/ to its index.html) runs the handlers again: one line is enough
        if (rc.get(LOGGED) != null || skipPaths.stream().anyMatch(path::startsWith)) {
            rc.next();
            return;
        }
        rc.put(LOGGED, Boolean.TRUE);
        long start = System.nanoTime();
        Instant time = Instant.now();
        // the end handler also runs when the caller goes away before the answer is complete
        rc.addEndHandler(result -> {
            if (LOG.isInfoEnabled()) {
                LOG.info(line(rc, time, path, System.nanoTime() - start, result.failed()));
            }
        });
        rc.next();
    }

    /**
     * Written field by field with a generator: through a {@code Map} and {@code writeValueAsString},
     * finding a serializer for every value cost about a twentieth of the gateway's CPU per proxied call.
     */
    private String line(RoutingContext rc, Instant time, String path, long nanos, boolean failed) {
        HttpServerRequest request = rc.request();
        HttpServerResponse response = rc.response();
        // nothing written at all: the caller went away first (the proxy does not answer a closed connection)
        boolean aborted = failed || !response.headWritten();
        StringWriter out = new StringWriter(320);
        try (JsonGenerator entry = json.getFactory().createGenerator(out)) {
            entry.writeStartObject();
            entry.writeStringField("time", time.toString());
            entry.writeStringField("requestId", response.headers().get("X-Request-Id"));
            entry.writeStringField("method", request.method().name());
            entry.writeStringField("path", path);
            Set<String> names = queryNames(request.query());
            if (!names.isEmpty()) {
                entry.writeArrayFieldStart("queryParams");
                for (String name : names) {
                    entry.writeString(name);
                }
                entry.writeEndArray();
            }
            entry.writeNumberField("status", status(response, aborted));
            entry.writeNumberField("durationMs", Math.round(nanos / 100_000.0) / 10.0);
            entry.writeNumberField("bytesIn", request.bytesRead());
            entry.writeNumberField("bytesOut", response.bytesWritten());
            entry.writeStringField("client", ClientAddress.of(request, trustedProxies));
            entry.writeStringField("subject", rc.get(SUBJECT));
            entry.writeStringField("upstream", rc.get(UPSTREAM));
            if (aborted) {
                entry.writeBooleanField("aborted", true);
            }
            entry.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("An access log entry could not be written as JSON", e);
        }
        return out.toString();
    }

    /**
     * The status the caller got, or {@value #CLIENT_CLOSED_REQUEST} (nginx's "client closed request")
     * when it went away before the answer began: whatever the proxy had meant to answer then (a 502 for
     * the cut-off call to the service) reached nobody, and is not the service's doing. A caller that
     * went away during the answer keeps the answer's status, with {@code aborted}.
     */
    static int status(HttpServerResponse response, boolean aborted) {
        return aborted && !response.headWritten() ? CLIENT_CLOSED_REQUEST : response.getStatusCode();
    }

    static Set<String> queryNames(String query) {
        Set<String> names = new LinkedHashSet<>();
        if (query == null || query.isEmpty()) {
            return names;
        }
        for (String pair : query.split("&")) {
            String name = pair.split("=", 2)[0];
            if (!name.isEmpty()) {
                // a name is chosen by the API, but a caller may send anything: keep it short and printable
                names.add(name.length() > 64 ? name.substring(0, 64) : name.replaceAll("[^A-Za-z0-9._%\\-\\[\\]]", "?"));
            }
        }
        return names;
    }
}
