package vn.thidua.platform.events;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.header.Headers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Carries a change's trace with its events: the context of the request that wrote an event goes
 * into the CloudEvent (the Distributed Tracing extension's {@code traceparent} and
 * {@code tracestate}), the relay's send and each consumer's handling become spans of that trace.
 * With the SDK off ({@code quarkus.otel.sdk.disabled}) none of this happens and events carry no context.
 */
@ApplicationScoped
public class EventTracing {
    static final String TRACEPARENT = "traceparent";
    static final String TRACESTATE = "tracestate";
    private static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
    private static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    private static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    private static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
    private static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("cloudevents.event_type");
    private static final AttributeKey<String> EVENT_SOURCE = AttributeKey.stringKey("cloudevents.event_source");

    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final boolean enabled;

    public EventTracing(OpenTelemetry openTelemetry,
                        @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean sdkDisabled) {
        this.tracer = openTelemetry.getTracer("vn.thidua.platform.events");
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
        this.enabled = !sdkDisabled;
    }

    /** The caller's trace context as W3C {@code traceparent}/{@code tracestate}; empty when nothing is traced. */
    public Map<String, String> currentContext() {
        Map<String, String> carrier = new HashMap<>(2);
        if (enabled && Span.current().getSpanContext().isValid()) {
            propagator.inject(Context.current(), carrier, Map::put);
        }
        return carrier;
    }

    /** The relay's send of one event, in the trace of the change that wrote it; its context goes in the record's headers. */
    Span startPublish(String topic, CloudEvent event, Headers headers) {
        Span span = eventSpan("publish " + topic, "send", topic, SpanKind.PRODUCER, event).startSpan();
        Map<String, String> carrier = new HashMap<>(2);
        propagator.inject(Context.current().with(span), carrier, Map::put);
        carrier.forEach((name, value) -> headers.add(name, value.getBytes(StandardCharsets.UTF_8)));
        return span;
    }

    /** A consumer's handling of one event, in the trace of the change that wrote it. */
    Span startProcess(String channel, CloudEvent event) {
        if (!enabled) {
            return Span.getInvalid();
        }
        return eventSpan("process " + channel, "process", channel, SpanKind.CONSUMER, event).setAttribute(EVENT_SOURCE, event.source()).startSpan();
    }

    /** Described with OpenTelemetry's messaging attributes, plus the event's own id and type. */
    private SpanBuilder eventSpan(String name, String operation, String destination, SpanKind kind, CloudEvent event) {
        return tracer.spanBuilder(name)
                .setParent(contextOf(event))
                .setSpanKind(kind)
                .setAttribute(MESSAGING_SYSTEM, "kafka")
                .setAttribute(OPERATION, operation)
                .setAttribute(DESTINATION, destination)
                .setAttribute(MESSAGE_ID, event.id())
                .setAttribute(EVENT_TYPE, event.type());
    }

    static void failed(Span span, Throwable failure) {
        span.recordException(failure);
        span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName());
    }

    /** Whether spans are recorded at all: the relay reads an event's context back from its payload only then. */
    boolean enabled() {
        return enabled;
    }

    private Context contextOf(CloudEvent event) {
        if (event.traceparent() == null) {
            return Context.root();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, event.traceparent());
        if (event.tracestate() != null) {
            carrier.put(TRACESTATE, event.tracestate());
        }
        return propagator.extract(Context.root(), carrier, FROM_MAP);
    }
}
