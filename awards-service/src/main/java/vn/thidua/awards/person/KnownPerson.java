package vn.thidua.awards.person;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A person as units-service last announced them: name, current (or last) unit and position, and every membership. */
public record KnownPerson(UUID id, String fullName, String unitCode, String position, String status, List<Membership> memberships) {

    public KnownPerson {
        memberships = List.copyOf(memberships);
    }

    /** A stretch of the person's work in a unit, both days included; {@code leftOn} null while it lasts. */
    public record Membership(String unitCode, String position, LocalDate joinedOn, LocalDate leftOn) {
        boolean covers(LocalDate day) {
            return !day.isBefore(joinedOn) && (leftOn == null || !day.isAfter(leftOn));
        }
    }

    /** Whether the person works in the unit on that day. */
    public boolean memberOf(String unit, LocalDate day) {
        return memberships.stream().anyMatch(m -> m.unitCode().equals(unit) && m.covers(day));
    }
}
