package vn.thidua.units.person;

import jakarta.enterprise.context.ApplicationScoped;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;

/** Puts the events of people on the outbox (after a flush, so that they carry the version the change made). */
@ApplicationScoped
public class PersonAnnouncements {
    private final Outbox outbox;
    private final CloudEvents events;

    public PersonAnnouncements(Outbox outbox, CloudEvents events) {
        this.outbox = outbox;
        this.events = events;
    }

    void person(Person person) {
        outbox.publish(PersonEvents.PEOPLE_TOPIC, events.create(PersonEvents.SOURCE, PersonEvents.PERSON_RECORDED, person.id.toString(),
                PersonEvents.PersonState.of(person)));
    }

    void year(PersonYear result) {
        outbox.publish(PersonEvents.PEOPLE_TOPIC, events.create(PersonEvents.SOURCE, PersonEvents.PERSON_YEAR_RECORDED,
                result.personId + "/" + result.year, PersonEvents.PersonYearState.of(result)));
    }

    void statistics(PersonEvents.MemberStatisticsState state) {
        outbox.publish(PersonEvents.STATISTICS_TOPIC, events.create(PersonEvents.SOURCE, PersonEvents.MEMBER_STATISTICS_COMPUTED,
                state.unitCode() + "/" + state.year(), state));
    }
}
