package vn.thidua.units.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import vn.thidua.platform.domain.Refusal;

/**
 * A person of the units, with the periods in which he or she belonged to each. The person owns the
 * rules of belonging: one unit at a time, periods that never overlap, leaving only a unit one is in,
 * and results only for a year spent in the unit. Every change touches the person, so that its version
 * (which the events carry) grows with each.
 */
@Entity
@Table(name = "person")
public class Person extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "full_name", nullable = false, length = PersonDetails.NAME_MAX)
    public String fullName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Gender gender;

    @Column(name = "birth_year")
    public Integer birthYear;

    @Version
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Loaded with the person (see {@link #load}); in the order joined. */
    @Transient
    List<PersonMembership> memberships = new ArrayList<>();

    public static Person register(PersonDetails details, String by, Instant now) {
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.fullName = details.fullName();
        person.gender = details.gender();
        person.birthYear = details.birthYear();
        person.createdBy = by;
        person.createdAt = now;
        person.updatedBy = by;
        person.updatedAt = now;
        return person;
    }

    /** The person with its memberships, if there is one with this id. */
    public static Optional<Person> load(UUID id) {
        Optional<Person> person = Person.<Person>findByIdOptional(id);
        person.ifPresent(p -> p.memberships = new ArrayList<>(PersonMembership.list("personId = ?1 order by joinedOn, id", id)));
        return person;
    }

    public List<PersonMembership> memberships() {
        return List.copyOf(memberships);
    }

    /** Sets the memberships read in bulk for many people. */
    void memberships(List<PersonMembership> loaded) {
        memberships = new ArrayList<>(loaded);
        memberships.sort(Comparator.comparing((PersonMembership m) -> m.joinedOn).thenComparing(m -> m.id == null ? Long.MAX_VALUE : m.id));
    }

    public Optional<PersonMembership> current() {
        return memberships.stream().filter(PersonMembership::isCurrent).findFirst();
    }

    /** The current membership, or the last one of a person who left. */
    public Optional<PersonMembership> latest() {
        return current().or(() -> memberships.stream().reduce((a, b) -> b));
    }

    public boolean isMemberOf(String unitCode) {
        return current().filter(m -> m.unitCode.equals(unitCode)).isPresent();
    }

    /** Whether the person belonged to the unit on at least one day of the year. */
    public boolean wasMemberDuring(String unitCode, int year) {
        return memberships.stream().anyMatch(m -> m.unitCode.equals(unitCode) && m.overlapsYear(year));
    }

    /** Whether the person belonged to the unit at some time, now or before. */
    public boolean everMemberOf(String unitCode) {
        return memberships.stream().anyMatch(m -> m.unitCode.equals(unitCode));
    }

    /**
     * Starts a membership. Refused when the person is a current member of any unit (one unit at a time:
     * moving goes through {@link #moveTo}), or when the day falls within or before an earlier period.
     */
    public PersonMembership join(String unitCode, String personnelCode, String position, LocalDate on, String by, Instant now) {
        Objects.requireNonNull(on, "on");
        Optional<PersonMembership> current = current();
        if (current.isPresent()) {
            if (current.get().unitCode.equals(unitCode)) {
                throw Refusal.conflict("person-already-member", "person.already-member", fullName, unitCode);
            }
            throw Refusal.conflict("person-in-another-unit", "person.in-another-unit", fullName, current.get().unitCode);
        }
        Optional<LocalDate> lastLeft = memberships.stream().map(m -> m.leftOn).max(Comparator.naturalOrder());
        if (lastLeft.isPresent() && !on.isAfter(lastLeft.get())) {
            throw Refusal.unprocessable("membership-overlap", "person.membership-overlap", on, lastLeft.get());
        }
        PersonMembership membership = new PersonMembership();
        membership.personId = id;
        membership.unitCode = unitCode;
        membership.personnelCode = personnelCode;
        membership.position = position;
        membership.joinedOn = on;
        memberships.add(membership);
        touch(by, now);
        return membership;
    }

    /** Ends the person's membership of that unit on that day (its last day in the unit). */
    public void leave(String unitCode, LocalDate on, LeaveReason reason, String by, Instant now) {
        Objects.requireNonNull(on, "on");
        PersonMembership current = current().filter(m -> m.unitCode.equals(unitCode))
                .orElseThrow(() -> Refusal.conflict("person-not-current-member", "person.not-current-member", fullName, unitCode));
        if (on.isBefore(current.joinedOn)) {
            throw Refusal.unprocessable("left-before-joined", "person.left-before-joined", on, current.joinedOn);
        }
        current.leftOn = on;
        current.leaveReason = reason;
        touch(by, now);
    }

    /** Moves the person from the unit it is in to another, from that day on: the history of both is kept. */
    public PersonMembership moveTo(String fromUnit, String toUnit, LocalDate on, String personnelCode, String position, String by, Instant now) {
        if (fromUnit.equals(toUnit)) {
            throw Refusal.unprocessable("move-to-same-unit", "person.move-to-same-unit", toUnit);
        }
        leave(fromUnit, on.minusDays(1), LeaveReason.MOVED, by, now);
        return join(toUnit, personnelCode, position, on, by, now);
    }

    /** Changes who the person is and, in the unit it is in, its number and position; whether anything changed. */
    public boolean change(String unitCode, PersonDetails details, String by, Instant now) {
        PersonMembership current = current().filter(m -> m.unitCode.equals(unitCode))
                .orElseThrow(() -> Refusal.conflict("person-not-current-member", "person.not-current-member", fullName, unitCode));
        boolean changed = !Objects.equals(fullName, details.fullName()) || gender != details.gender()
                || !Objects.equals(birthYear, details.birthYear()) || !Objects.equals(current.personnelCode, details.personnelCode())
                || !Objects.equals(current.position, details.position());
        if (changed) {
            fullName = details.fullName();
            gender = details.gender();
            birthYear = details.birthYear();
            current.personnelCode = details.personnelCode();
            current.position = details.position();
            touch(by, now);
        }
        return changed;
    }

    /**
     * Refuses a result for a year in which the person did not belong to the unit (someone who left
     * before the year began, or joined after it ended), or for a year not yet begun.
     */
    public void requireResultAllowed(String unitCode, int year, int currentYear) {
        if (year > currentYear) {
            throw Refusal.unprocessable("year-not-begun", "person.year-not-begun", year);
        }
        if (!wasMemberDuring(unitCode, year)) {
            Optional<PersonMembership> inUnit = memberships.stream().filter(m -> m.unitCode.equals(unitCode)).reduce((a, b) -> b);
            if (inUnit.isPresent() && inUnit.get().leftOn != null && inUnit.get().leftOn.getYear() < year) {
                throw Refusal.unprocessable("person-left", "person.left-before-year", fullName, unitCode, inUnit.get().leftOn, year);
            }
            throw Refusal.unprocessable("person-not-member-in-year", "person.not-member-in-year", fullName, unitCode, year);
        }
    }

    /** Marks the person changed (the memberships are other rows), so that its version grows. */
    void touch(String by, Instant now) {
        updatedBy = by;
        updatedAt = now;
    }

    public PersonStatus status() {
        return current().isPresent() ? PersonStatus.ACTIVE : PersonStatus.LEFT;
    }
}
