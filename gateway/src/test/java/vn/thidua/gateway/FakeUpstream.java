package vn.thidua.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for a service behind the gateway: it answers every request with a JSON echo of
 * what it received, counts the requests per path (ask {@code GET /__hits?path=...} directly, not
 * through the gateway) and those whose body arrived whole ({@code /__completed?path=...}), never
 * answers a path ending in {@code /silent} in time, and serves a small OpenAPI document at
 * {@code /q/openapi}. The {@code units} route points at it; the {@code down} route at a port where
 * nobody listens; the {@code flaky} route at a second instance that answers 503 while told to
 * ({@code POST /__failing?on=true|false} on it, URL in {@link #FLAKY_URL_PROPERTY}); the {@code refusing}
 * route at a third one, {@link RefusingService}, that answers 403 as soon as it has the headers.
 */
public class FakeUpstream implements QuarkusTestResourceLifecycleManager {
    public static final String URL_PROPERTY = "thidua.gateway.routes.units.url";
    public static final String FLAKY_URL_PROPERTY = "thidua.gateway.routes.flaky.url";
    public static final String REFUSING_URL_PROPERTY = "thidua.gateway.routes.refusing.url";

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> completed = new ConcurrentHashMap<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private final AtomicBoolean failing = new AtomicBoolean();
    private HttpServer server;
    private HttpServer flaky;
    private final RefusingService refusing = new RefusingService();
    private ExecutorService executor;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool();
        server.setExecutor(executor);
        server.createContext("/__hits", exchange -> count(exchange, hits));
        server.createContext("/__completed", exchange -> count(exchange, completed));
        server.createContext("/q/openapi", exchange -> openApi(exchange, UNITS_OPENAPI));
        server.createContext("/", this::echo);
        server.start();
        try {
            flaky = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        flaky.setExecutor(executor);
        flaky.createContext("/__hits", exchange -> count(exchange, hits));
        flaky.createContext("/__failing", exchange -> {
            failing.set(exchange.getRequestURI().getRawQuery().contains("on=true"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        flaky.createContext("/q/openapi", exchange -> openApi(exchange, FLAKY_OPENAPI));
        flaky.createContext("/", exchange -> {
            if (failing.get()) {
                hits.computeIfAbsent(exchange.getRequestURI().getRawPath(), p -> new AtomicInteger()).incrementAndGet();
                exchange.getRequestBody().readAllBytes();
                exchange.sendResponseHeaders(503, -1);
                exchange.close();
            } else {
                echo(exchange);
            }
        });
        flaky.start();
        refusing.start();
        return Map.of(
                "thidua.gateway.routes.refusing.prefix", "/api/refusing",
                REFUSING_URL_PROPERTY, "http://127.0.0.1:" + refusing.port(),
                URL_PROPERTY, "http://127.0.0.1:" + server.getAddress().getPort(),
                "thidua.gateway.routes.down.prefix", "/api/down",
                "thidua.gateway.routes.down.url", "http://127.0.0.1:" + portNobodyListensOn(),
                "thidua.gateway.routes.flaky.prefix", "/api/flaky",
                FLAKY_URL_PROPERTY, "http://127.0.0.1:" + flaky.getAddress().getPort(),
                "thidua.gateway.response-timeout", "2s");
    }

    @Override
    public void stop() {
        stopping.countDown();
        if (server != null) {
            server.stop(0);
        }
        if (flaky != null) {
            flaky.stop(0);
        }
        refusing.stop();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private void echo(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        completed.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        if (path.endsWith("/silent")) {
            try {
                // longer than the gateway's response timeout in tests; released when the tests end
                stopping.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Map<String, Object> echo = new LinkedHashMap<>();
        echo.put("method", exchange.getRequestMethod());
        echo.put("path", path);
        echo.put("query", exchange.getRequestURI().getRawQuery());
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        echo.put("headers", headers);
        echo.put("bodyLength", body.length);
        echo.put("bodySha256", sha256(body));
        echo.put("body", body.length <= 4096 ? new String(body, StandardCharsets.UTF_8) : null);
        byte[] answer = json.writeValueAsBytes(echo);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-Upstream", "fake");
        // the gateway's request id must win over whatever a service says
        exchange.getResponseHeaders().set("X-Request-Id", "set-by-the-service");
        exchange.sendResponseHeaders(path.endsWith("/created") ? 201 : 200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static void openApi(HttpExchange exchange, String document) throws IOException {
        byte[] answer = document.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    private static void count(HttpExchange exchange, Map<String, AtomicInteger> counts) throws IOException {
        String query = exchange.getRequestURI().getRawQuery();
        String path = query == null ? "" : URLDecoder.decode(query.replaceFirst("^path=", ""), StandardCharsets.UTF_8);
        AtomicInteger count = counts.get(path);
        byte[] answer = Integer.toString(count == null ? 0 : count.get()).getBytes(StandardCharsets.US_ASCII);
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** Two paths the gateway routes, one it does not, and a Problem schema unlike the flaky service's. */
    private static final String UNITS_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"units-service","version":"1"},
             "tags":[{"name":"Units"}],
             "security":[{"SecurityScheme":[]}],
             "paths":{
               "/api/units":{"get":{"tags":["Units"],"operationId":"listUnits",
                 "responses":{"200":{"description":"a page of units"},
                   "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}},
               "/api/units/{code}":{"get":{"operationId":"getUnit","responses":{"200":{"description":"one unit"}}}},
               "/internal/reindex":{"post":{"operationId":"reindex","responses":{"204":{"description":"done"}}}}},
             "components":{"schemas":{"Problem":{"type":"object","properties":{"type":{"type":"string"}}}},
               "securitySchemes":{"SecurityScheme":{"type":"http","scheme":"bearer","bearerFormat":"JWT"}}}}
            """;
    private static final String FLAKY_OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"flaky-service","version":"1"},
             "paths":{"/api/flaky/things":{"get":{"operationId":"listThings","responses":{
               "200":{"description":"things"},
               "400":{"description":"bad","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}}}}},
             "components":{"schemas":{"Problem":{"type":"object","properties":{"title":{"type":"string"}}}}}}
            """;

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int portNobodyListensOn() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
