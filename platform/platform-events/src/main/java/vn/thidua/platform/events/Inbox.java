package vn.thidua.platform.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;

/**
 * Applies each consumed event at most once. The event's id is recorded in the same transaction
 * as its effect ({@link InboxTransaction}), so a redelivered event (after a rebalance, a crash
 * before the offset commit, or a producer retry) finds its id already there and changes nothing.
 * Each delivery is a span of the trace of the change that wrote the event; every message given
 * up (malformed, or failing past the retries) is counted as a dead letter, since every channel
 * sends what its handler throws to its dead-letter topic.
 */
@ApplicationScoped
public class Inbox {
    private final CloudEvents events;
    private final InboxTransaction transaction;
    private final EventTracing tracing;
    private final MeterRegistry registry;

    public Inbox(CloudEvents events, InboxTransaction transaction, EventTracing tracing, MeterRegistry registry) {
        this.events = events;
        this.transaction = transaction;
        this.tracing = tracing;
        this.registry = registry;
    }

    public enum Outcome { APPLIED, DUPLICATE }

    /**
     * Parses a raw message from the channel and applies it once. A malformed message fails at once
     * with {@link MalformedEventException}; any other failure, such as the database being away, is
     * retried with backoff before it is given up. Either way the channel then sends the message to
     * its dead-letter topic.
     */
    public Outcome receive(String channel, String message, Consumer<CloudEvent> apply) {
        CloudEvent event;
        try {
            event = events.parse(message);
        } catch (MalformedEventException e) {
            deadLetter(channel, "malformed");
            throw e;
        }
        Span span = tracing.startProcess(channel, event);
        try (Scope ignored = span.makeCurrent()) {
            Outcome outcome = transaction.applyOnce(event, apply);
            span.setAttribute("thidua.inbox.outcome", outcome.name().toLowerCase());
            registry.counter("thidua.inbox.events", "type", event.type(), "outcome", outcome.name().toLowerCase()).increment();
            return outcome;
        } catch (RuntimeException e) {
            EventTracing.failed(span, e);
            deadLetter(channel, e instanceof MalformedEventException ? "malformed" : "failed");
            throw e;
        } finally {
            span.end();
        }
    }

    private void deadLetter(String channel, String reason) {
        registry.counter("thidua.dead.letters", "channel", channel, "reason", reason).increment();
    }
}
