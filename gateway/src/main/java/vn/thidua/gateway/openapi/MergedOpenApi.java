package vn.thidua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;
import vn.thidua.gateway.config.GatewayConfig;
import vn.thidua.gateway.proxy.RouteTable;
import vn.thidua.gateway.proxy.Upstream;

/**
 * {@code GET /openapi}: the whole public API in one OpenAPI document (JSON), so a client team starts
 * from one URL; Swagger UI at {@code /q/swagger-ui} shows it. Built from the gateway's own
 * {@code /q/openapi} and each service's, reused for {@code cache-for}; a service that does not answer
 * is left out with a note in the document, and the rest still shows.
 */
@ApplicationScoped
public class MergedOpenApi {
    public static final String PATH = "/openapi";
    private static final Logger LOG = Logger.getLogger(MergedOpenApi.class);
    private static final String DOCUMENT_URI = "/q/openapi?format=json";

    private record Service(String name, Upstream address, List<Upstream> routes) {
    }

    private record Cached(Future<Buffer> document, long expiresAtNanos) {
    }

    private final ObjectMapper json;
    private final OpenApiMerger merger;
    private final List<Service> services;
    private final HttpClient client;
    private final long cacheForNanos;
    private final long fetchTimeoutMillis;
    private final LongSupplier clock = System::nanoTime;
    private volatile Cached cached;

    public MergedOpenApi(GatewayConfig config, Vertx vertx, ObjectMapper json) {
        this.json = json;
        this.merger = new OpenApiMerger(json);
        this.cacheForNanos = config.openapi().cacheFor().toNanos();
        this.fetchTimeoutMillis = config.openapi().fetchTimeout().toMillis();
        this.services = servicesOf(RouteTable.of(config.routes()).upstreams()).entrySet().stream()
                .map(e -> new Service(e.getKey(), e.getValue().get(0), e.getValue()))
                .toList();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, fetchTimeoutMillis))));
    }

    /**
     * The services whose documents make up the merged one, by the name the document gives them, with
     * their routes: routes that share an address are one service (units-service keeps /api/units and
     * /api/clusters, named {@code clusters-units}).
     */
    public static Map<String, List<Upstream>> servicesOf(List<Upstream> upstreams) {
        Map<String, List<Upstream>> byAddress = new LinkedHashMap<>();
        upstreams.stream()
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(u -> byAddress.computeIfAbsent((u.ssl() ? "https://" : "http://") + u.host() + ":" + u.port(),
                        k -> new ArrayList<>()).add(u));
        Map<String, List<Upstream>> byName = new LinkedHashMap<>();
        byAddress.values().forEach(routes -> byName.put(String.join("-", routes.stream().map(Upstream::name).toList()), routes));
        return byName;
    }

    void register(@Observes Router router) {
        router.get(PATH).handler(this::handle);
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private void handle(RoutingContext rc) {
        // the gateway's own document is read where this request came in
        SocketAddress self = rc.request().localAddress();
        document(self).onComplete(result -> {
            if (result.succeeded()) {
                rc.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=utf-8").end(result.result());
            } else {
                rc.fail(result.cause());
            }
        });
    }

    private Future<Buffer> document(SocketAddress self) {
        long now = clock.getAsLong();
        Cached current = cached;
        if (current != null && now - current.expiresAtNanos() < 0) {
            return current.document();
        }
        synchronized (this) {
            if (cached == current) {
                // one assembly at a time: callers arriving meanwhile share its future
                cached = new Cached(assemble(self), now + cacheForNanos);
            }
            return cached.document();
        }
    }

    private Future<Buffer> assemble(SocketAddress self) {
        Future<JsonNode> own = fetch(false, self.hostAddress() == null ? "127.0.0.1" : self.hostAddress(), self.port());
        List<Future<JsonNode>> fetches = services.stream()
                .map(s -> fetch(s.address().ssl(), s.address().host(), s.address().port()))
                .toList();
        List<Future<?>> all = new ArrayList<>(fetches);
        all.add(own);
        return Future.join(all).transform(ignored -> {
            List<OpenApiMerger.Part> parts = new ArrayList<>();
            List<OpenApiMerger.Missing> missing = new ArrayList<>();
            for (int i = 0; i < services.size(); i++) {
                Service service = services.get(i);
                Future<JsonNode> fetched = fetches.get(i);
                if (fetched.succeeded()) {
                    parts.add(new OpenApiMerger.Part(service.name(), fetched.result(),
                            path -> service.routes().stream().anyMatch(route -> route.serves(path))));
                } else {
                    LOG.warnf("OpenAPI of %s left out of %s: %s", service.name(), PATH, fetched.cause().toString());
                    missing.add(new OpenApiMerger.Missing(service.name(), reason(fetched.cause())));
                }
            }
            try {
                return Future.succeededFuture(Buffer.buffer(json.writeValueAsBytes(
                        merger.merge(own.succeeded() ? own.result() : null, parts, missing))));
            } catch (Exception e) {
                return Future.failedFuture(e);
            }
        });
    }

    private Future<JsonNode> fetch(boolean ssl, String host, int port) {
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setSsl(ssl).setHost(host).setPort(port)
                        .setURI(DOCUMENT_URI).setIdleTimeout(fetchTimeoutMillis)
                        .putHeader(HttpHeaders.ACCEPT, "application/json"))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200
                        ? response.body()
                        : Future.failedFuture("status " + response.statusCode()))
                .compose(body -> {
                    try {
                        JsonNode document = json.readTree(body.getBytes());
                        return document.isObject() ? Future.succeededFuture(document) : Future.failedFuture("not a JSON object");
                    } catch (Exception e) {
                        return Future.failedFuture("not JSON");
                    }
                });
    }

    private static String reason(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        if (failure instanceof ConnectException || name.contains("Connect")) {
            return "not reachable";
        }
        if (failure instanceof TimeoutException || name.contains("Timeout")) {
            return "no answer in time";
        }
        String message = failure.getMessage();
        return message == null ? name : message.length() > 80 ? message.substring(0, 80) : message;
    }
}
