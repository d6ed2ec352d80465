package vn.thidua.platform.units;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/**
 * Keeps {@link KnownUnit} in step with topic {@code thidua.units.v1}. Every unit event carries the
 * unit's whole state, so all types are applied alike. A message that cannot be read goes to
 * the dead-letter topic (see application.properties) and consumption goes on.
 */
@ApplicationScoped
public class UnitEventsConsumer {
    static final String CHANNEL = "units";
    private final Inbox inbox;
    private final CloudEvents events;

    public UnitEventsConsumer(Inbox inbox, CloudEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onUnitEvent(String message) {
        inbox.receive(CHANNEL, message, event -> KnownUnit.apply(events.data(event, UnitState.class), Instant.now()));
    }
}
