package vn.thidua.awards.person;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import vn.thidua.platform.events.MalformedEventException;

/** awards-service's tolerant reading of units-service's PersonRecorded (docs/events.md, thidua.people.v1): the whole person. */
@JsonIgnoreProperties(ignoreUnknown = true)
record PersonRecorded(UUID id, String fullName, String unitCode, String position, String status, List<Membership> memberships,
                      Long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Membership(String unitCode, String position, LocalDate joinedOn, LocalDate leftOn) {
    }

    PersonRecorded {
        if (id == null || PeopleEvents.blankOrLonger(fullName, 200) || PeopleEvents.blankOrLonger(unitCode, 35)
                || !("ACTIVE".equals(status) || "LEFT".equals(status)) || memberships == null || version == null || version < 0
                || memberships.stream().anyMatch(m -> m == null || PeopleEvents.blankOrLonger(m.unitCode(), 35) || m.joinedOn() == null
                        || m.leftOn() != null && m.leftOn().isBefore(m.joinedOn()))) {
            throw new MalformedEventException("A PersonRecorded needs id, fullName, unitCode, status ACTIVE|LEFT, memberships and version");
        }
        position = PeopleEvents.cut(position, 200);
        memberships = List.copyOf(memberships);
    }
}
