package vn.thidua.awards.registration;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/** Keeps {@link RegisteredTitles} and {@link YearEndReports} in step with {@code thidua.scoring.registrations.v1}; other types there are passed over. */
@ApplicationScoped
public class RegistrationEventsConsumer {
    static final String CHANNEL = "registrations";
    static final String TITLES_REGISTERED = "vn.thidua.scoring.TitlesRegistered";
    static final String YEAR_END_REPORTED = "vn.thidua.scoring.YearEndReported";
    private final Inbox inbox;
    private final CloudEvents events;
    private final RegisteredTitles titles;
    private final YearEndReports yearEndReports;

    public RegistrationEventsConsumer(Inbox inbox, CloudEvents events, RegisteredTitles titles, YearEndReports yearEndReports) {
        this.inbox = inbox;
        this.events = events;
        this.titles = titles;
        this.yearEndReports = yearEndReports;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onRegistration(String message) {
        inbox.receive(CHANNEL, message, event -> {
            if (TITLES_REGISTERED.equals(event.type())) {
                titles.apply(events.data(event, TitlesRegistered.class));
            } else if (YEAR_END_REPORTED.equals(event.type())) {
                yearEndReports.apply(events.data(event, YearEndReported.class));
            }
        });
    }
}
