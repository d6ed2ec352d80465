package vn.thidua.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Builds, writes and reads {@link CloudEvent}s with the application's Jackson configuration. */
@ApplicationScoped
public class CloudEvents {
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Supplier<Map<String, String>> traceContext;

    @Inject
    public CloudEvents(ObjectMapper mapper, EventTracing tracing) {
        this(mapper, Clock.systemUTC(), tracing::currentContext);
    }

    /** Events that carry no trace context, for tests and tools. */
    public CloudEvents(ObjectMapper mapper) {
        this(mapper, Clock.systemUTC(), Map::of);
    }

    CloudEvents(ObjectMapper mapper, Clock clock, Supplier<Map<String, String>> traceContext) {
        this.mapper = mapper;
        this.clock = clock;
        this.traceContext = traceContext;
    }

    /** A new event, in the caller's trace if one is recorded. */
    public CloudEvent create(String source, String type, String subject, Object data) {
        Map<String, String> trace = traceContext.get();
        return new CloudEvent(CloudEvent.SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject,
                Instant.now(clock), "application/json", mapper.valueToTree(data),
                trace.get(EventTracing.TRACEPARENT), trace.get(EventTracing.TRACESTATE));
    }

    public String write(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise event " + event.id(), e);
        }
    }

    /** Reads a structured-mode CloudEvent, refusing anything that lacks the required attributes. */
    public CloudEvent parse(String json) {
        if (json == null || json.isBlank()) {
            throw new MalformedEventException("Empty message");
        }
        CloudEvent event;
        try {
            event = mapper.readValue(json, CloudEvent.class);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("Not a CloudEvent in JSON: " + e.getOriginalMessage(), e);
        }
        if (!CloudEvent.SPEC_VERSION.equals(event.specversion())) {
            throw new MalformedEventException("Unsupported specversion " + event.specversion());
        }
        if (isBlank(event.id()) || isBlank(event.source()) || isBlank(event.type())) {
            throw new MalformedEventException("A CloudEvent needs id, source and type");
        }
        return event;
    }

    /** Reads the event's data as the consumer's own (tolerant) record type. */
    public <T> T data(CloudEvent event, Class<T> type) {
        if (event.data() == null || event.data().isNull()) {
            throw new MalformedEventException("Event " + event.id() + " of type " + event.type() + " has no data");
        }
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedEventException("Event " + event.id() + " has data that is not a " + type.getSimpleName(), e);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
