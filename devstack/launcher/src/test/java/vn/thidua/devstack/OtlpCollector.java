package vn.thidua.devstack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;

/**
 * Stands in for an operator's OpenTelemetry collector: receives the spans a stack exports by OTLP
 * over HTTP ({@code /v1/traces}, protobuf) and keeps them by trace id, so that a test follows one
 * request's trace through the services, the outbox and Kafka.
 */
final class OtlpCollector implements AutoCloseable {
    /** One span as the test needs it: which service, what, its place in the trace. */
    record ReceivedSpan(String service, String name, String kind, String traceId, String spanId, String parentSpanId) {
    }

    /** The fuzzing and the other tests export many traces; the ones a test looks for are among the latest. */
    private static final int MAX_TRACES = 50_000;
    private final HttpServer server;
    private final ConcurrentHashMap<String, List<ReceivedSpan>> byTrace = new ConcurrentHashMap<>();

    private OtlpCollector(HttpServer server) {
        this.server = server;
    }

    static OtlpCollector start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", LocalStack.freePort()), 64);
        OtlpCollector collector = new OtlpCollector(server);
        server.createContext("/v1/traces", collector::receive);
        server.setExecutor(Executors.newFixedThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "otlp-collector");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return collector;
    }

    /** The base URL an exporter is given ({@code quarkus.otel.exporter.otlp.traces.endpoint}). */
    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The JVM options that make a service export its spans here, at once rather than every 5 s. */
    List<String> exporterOptions() {
        return List.of("-Dquarkus.otel.sdk.disabled=false",
                "-Dquarkus.otel.exporter.otlp.traces.endpoint=" + endpoint(),
                "-Dquarkus.otel.exporter.otlp.traces.protocol=http/protobuf",
                "-Dquarkus.otel.bsp.schedule.delay=200ms");
    }

    List<ReceivedSpan> trace(String traceId) {
        return List.copyOf(byTrace.getOrDefault(traceId, List.of()));
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = decoded(exchange)) {
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = resource.getResource().getAttributesList().stream()
                        .filter(attribute -> attribute.getKey().equals("service.name"))
                        .map(KeyValue::getValue).map(value -> value.getStringValue()).findFirst().orElse("?");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> keep(new ReceivedSpan(service, span.getName(), span.getKind().name(),
                            hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                            hex(span.getParentSpanId().toByteArray()))));
                }
            }
            byte[] answer = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        }
    }

    private void keep(ReceivedSpan span) {
        if (byTrace.size() < MAX_TRACES || byTrace.containsKey(span.traceId())) {
            byTrace.computeIfAbsent(span.traceId(), id -> new CopyOnWriteArrayList<>()).add(span);
        }
    }

    private static InputStream decoded(HttpExchange exchange) throws IOException {
        String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
        return "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody();
    }

    private static String hex(byte[] id) {
        return HexFormat.of().formatHex(id);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
