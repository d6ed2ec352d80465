package vn.thidua.platform.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A CloudEvents 1.0 event in structured JSON mode: the whole envelope is the Kafka record's value.
 * {@code subject} names the aggregate (e.g. a unit code) and is also the record's key, so all
 * events of one aggregate stay in order on one partition. {@code traceparent} and {@code tracestate}
 * are the CloudEvents Distributed Tracing extension: the W3C trace context of the change that wrote
 * the event, absent when nothing was traced ({@link EventTracing}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        JsonNode data,
        String traceparent,
        String tracestate) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json; charset=UTF-8";
}
