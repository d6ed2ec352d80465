package vn.thidua.awards.person;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/** Keeps {@link KnownPeople} in step with units-service's {@code thidua.people.v1}; other types there are passed over. */
@ApplicationScoped
public class PeopleEventsConsumer {
    static final String CHANNEL = "people";
    static final String PERSON_RECORDED = "vn.thidua.units.PersonRecorded";
    static final String PERSON_YEAR_RECORDED = "vn.thidua.units.PersonYearRecorded";
    static final String INITIATIVE_RECORDED = "vn.thidua.units.InitiativeRecorded";
    private final Inbox inbox;
    private final CloudEvents events;
    private final KnownPeople people;

    public PeopleEventsConsumer(Inbox inbox, CloudEvents events, KnownPeople people) {
        this.inbox = inbox;
        this.events = events;
        this.people = people;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onPeople(String message) {
        inbox.receive(CHANNEL, message, event -> {
            switch (event.type()) {
                case PERSON_RECORDED -> people.apply(events.data(event, PersonRecorded.class));
                case PERSON_YEAR_RECORDED -> people.apply(events.data(event, PersonYearRecorded.class));
                case INITIATIVE_RECORDED -> people.apply(events.data(event, InitiativeRecorded.class));
                default -> {
                    // a type this service does not need: the contract lets the producer add them
                }
            }
        });
    }
}
