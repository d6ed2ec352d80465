package vn.thidua.awards.registration;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/** Keeps {@link RegisteredTitles} in step with {@code thidua.scoring.registrations.v1}; other types there are passed over. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String TITLES_REGISTERED = "vn.thidua.scoring.TitlesRegistered";
    private final Inbox inbox;
    private final CloudEvents events;
    private final RegisteredTitles titles;

    public RegistrationEventsConsumer(Inbox inbox, CloudEvents events, RegisteredTitles titles) {
        this.inbox = inbox;
        this.events = events;
        this.titles = titles;
    }

    @Incoming("registrations")
    @Blocking
    public void onRegistration(String message) {
        inbox.receive(message, event -> {
            if (TITLES_REGISTERED.equals(event.type())) {
                titles.apply(events.data(event, TitlesRegistered.class));
            }
        });
    }
}
