package vn.thidua.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

/** A change's trace carried by its event, through the relay's send, to a consumer's handling. */
class EventTracingTest {
    private final List<ReadableSpan> ended = new CopyOnWriteArrayList<>();
    private final OpenTelemetry openTelemetry = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(new Recorder(ended)).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();

    @Test
    void anEventWrittenInARequestCarriesItsTraceToTheRelayAndTheConsumer() {
        EventTracing tracing = new EventTracing(openTelemetry, false);
        CloudEvents events = new CloudEvents(JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC(), tracing::currentContext);
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /api/units").startSpan();
        CloudEvent event;
        try (Scope ignored = request.makeCurrent()) {
            event = events.create("/thidua/units-service", "vn.thidua.units.UnitRegistered", "000.00.32.H56", Map.of("code", "000.00.32.H56"));
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();
        assertTrue(event.traceparent().contains(traceId), event.traceparent());
        // and it survives the outbox row: the relay and the consumers read it back from the JSON
        CloudEvent relayed = events.parse(events.write(event));
        assertEquals(event.traceparent(), relayed.traceparent());

        RecordHeaders headers = new RecordHeaders();
        Span publish = tracing.startPublish("thidua.units.v1", relayed, headers);
        publish.end();
        Span process = tracing.startProcess("units", relayed);
        process.end();

        ReadableSpan published = spanNamed("publish thidua.units.v1");
        assertEquals(SpanKind.PRODUCER, published.getKind());
        assertEquals(traceId, published.getSpanContext().getTraceId());
        assertEquals(request.getSpanContext().getSpanId(), published.getParentSpanContext().getSpanId());
        String header = new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8);
        assertTrue(header.contains(published.getSpanContext().getSpanId()), "the record names the relay's span: " + header);

        ReadableSpan processed = spanNamed("process units");
        assertEquals(SpanKind.CONSUMER, processed.getKind());
        assertEquals(traceId, processed.getSpanContext().getTraceId());
        assertEquals(request.getSpanContext().getSpanId(), processed.getParentSpanContext().getSpanId());
        assertEquals("vn.thidua.units.UnitRegistered", processed.getAttribute(AttributeKey.stringKey("cloudevents.event_type")));
    }

    @Test
    void anEventWrittenOutsideAnyTraceCarriesNoneAndItsHandlingStartsOne() {
        EventTracing tracing = new EventTracing(openTelemetry, false);
        CloudEvents events = new CloudEvents(JsonMapper.builder().findAndAddModules().build(), Clock.systemUTC(), tracing::currentContext);
        CloudEvent event = events.create("/thidua/units-service", "vn.thidua.units.UnitRegistered", "000.00.32.H56", Map.of());
        assertNull(event.traceparent());
        assertFalse(events.write(event).contains("traceparent"), "no empty attribute in the JSON");
        tracing.startProcess("units", event).end();
        assertFalse(spanNamed("process units").getParentSpanContext().isValid(), "a root span");
    }

    @Test
    void withTheSdkOffNothingIsWrittenOrStarted() {
        EventTracing tracing = new EventTracing(openTelemetry, true);
        Span request = openTelemetry.getTracer("test").spanBuilder("POST /api/units").startSpan();
        try (Scope ignored = request.makeCurrent()) {
            assertEquals(Map.of(), tracing.currentContext());
        } finally {
            request.end();
        }
        CloudEvent event = new CloudEvents(JsonMapper.builder().findAndAddModules().build())
                .create("/thidua/units-service", "vn.thidua.units.UnitRegistered", "000.00.32.H56", Map.of());
        assertFalse(tracing.startProcess("units", event).getSpanContext().isValid());
        assertFalse(tracing.enabled());
        assertEquals(1, ended.size(), "only the request's own span");
    }

    private ReadableSpan spanNamed(String name) {
        return ended.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among " + ended.stream().map(ReadableSpan::getName).toList()));
    }

    /** Keeps every ended span, as an exporter would receive them. */
    private record Recorder(List<ReadableSpan> ended) implements SpanProcessor {
        @Override
        public void onStart(Context parentContext, ReadWriteSpan span) {
        }

        @Override
        public boolean isStartRequired() {
            return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {
            ended.add(span);
        }

        @Override
        public boolean isEndRequired() {
            return true;
        }
    }
}
