package vn.thidua.platform.events;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.arc.Unremovable;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The test application's consumer: channel {@value #CHANNEL} reads topic {@code platform-events-it.inbox}
 * through {@link Inbox}, as a service's consumer does, and sends what fails to the dead-letter topic
 * (application.properties). Its handler reads the event's data as an {@link Instruction}, writes one
 * row to {@code inbox_it_effect} in the inbox's transaction, then throws on the first
 * {@code failures} calls for that event id. It counts its calls per event id.
 */
@ApplicationScoped
public class InboxProbe {
    static final String CHANNEL = "inbox-it";
    static final String TOPIC = "platform-events-it.inbox";
    static final String DEAD_LETTERS = "platform-events-it.inbox.dlq";

    /** What an event asks the handler to do. */
    public record Instruction(String note, int failures) {
    }

    private final Inbox inbox;
    private final CloudEvents events;
    private final DataSource dataSource;
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();

    public InboxProbe(Inbox inbox, CloudEvents events, DataSource dataSource) {
        this.inbox = inbox;
        this.events = events;
        this.dataSource = dataSource;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onMessage(String message) {
        inbox.receive(CHANNEL, message, this::apply);
    }

    private void apply(CloudEvent event) {
        int call = calls.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        Instruction instruction = events.data(event, Instruction.class);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO inbox_it_effect (event_id, note) VALUES (?, ?)")) {
            insert.setString(1, event.id());
            insert.setString(2, instruction.note());
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (call <= instruction.failures()) {
            throw new IllegalStateException("The handler fails on call " + call + " of event " + event.id());
        }
    }

    /** How often the handler was called for that event id, whatever came of it. */
    public int calls(String eventId) {
        AtomicInteger count = calls.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** A registry that keeps what is counted: the application has no monitoring registry, and Quarkus adds every registry bean to the one the beans get. */
    @Singleton
    static class Registry {
        @Produces
        @Singleton
        @Unremovable
        @Identifier("platform-events-it")
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }
}
