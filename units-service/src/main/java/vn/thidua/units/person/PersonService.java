package vn.thidua.units.person;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.units.cluster.ClusterLeaders;
import vn.thidua.units.person.MemberStatisticsService.UnitYear;
import vn.thidua.units.unit.Unit;
import vn.thidua.units.unit.UnitCode;
import vn.thidua.units.unit.UnitService;

/**
 * Use cases of a unit's people: each loads, authorizes, lets the person apply the change, persists,
 * recounts the member statistics the change can move and announces it, in one transaction.
 */
@ApplicationScoped
public class PersonService {
    private final PersonAnnouncements announce;
    private final Clock clock;
    private final MemberStatisticsService statistics;
    private final PersonReads reads;
    private final UnitService units;

    public PersonService(PersonAnnouncements announce, Clock clock, MemberStatisticsService statistics, PersonReads reads,
                         UnitService units) {
        this.units = units;
        this.announce = announce;
        this.clock = clock;
        this.statistics = statistics;
        this.reads = reads;
    }

    /** Which of a unit's people a list shows. */
    public enum Which { CURRENT, FORMER, ALL }

    /** A person as a reader may see it, with the view that decided what. */
    public record Seen(Person person, PersonAccess.View view) {
    }

    /** People as a reader may see them. */
    public record Listed(Page<Person> people, PersonAccess.View view) {
    }

    /** Registers a new person as a member of the unit from that day. */
    @Transactional
    public Person register(String unitCode, PersonDetails details, LocalDate joinedOn, Caller caller) {
        String unit = activeUnit(unitCode, caller);
        requireDay(joinedOn, "joinedOn");
        requirePersonnelCodeFree(unit, details.personnelCode(), null);
        Instant now = Instant.now(clock);
        Person person = Person.register(details, caller.subject(), now);
        person.persist();
        PersonMembership membership = person.join(unit, details.personnelCode(), details.position(), joinedOn, caller.subject(), now);
        membership.persist();
        return changed(person, statistics.touchedBy(membership));
    }

    /** Takes into the unit a registered person who belongs to no unit now (who left another, say). */
    @Transactional
    public Person admit(String unitCode, UUID personId, String personnelCode, String position, LocalDate joinedOn, Caller caller) {
        String unit = activeUnit(unitCode, caller);
        requireDay(joinedOn, "joinedOn");
        Person person = load(personId);
        if (!caller.isBoardOrAdmin() && person.current().filter(m -> !m.unitCode.equals(unit)).isPresent()) {
            // another unit's current member: say so, but not who it is or where (a unit reads only its own people)
            throw Refusal.conflict("person-in-another-unit", "person.in-another-unit.unnamed");
        }
        requirePersonnelCodeFree(unit, personnelCode, personId);
        PersonMembership membership = person.join(unit, personnelCode, position, joinedOn, caller.subject(), Instant.now(clock));
        membership.persist();
        return changed(person, statistics.touchedBy(membership));
    }

    @Transactional
    public Person change(String unitCode, UUID personId, ExpectedVersion expected, PersonDetails details, Caller caller) {
        String unit = unit(unitCode, caller);
        Person person = memberOf(unit, personId);
        expected.requireMatches(person.version);
        requirePersonnelCodeFree(unit, details.personnelCode(), personId);
        Gender before = person.gender;
        if (!person.change(unit, details, caller.subject(), Instant.now(clock))) {
            return person;
        }
        Set<UnitYear> touched = before == person.gender ? Set.of() : person.current().map(statistics::touchedBy).orElse(Set.of());
        return changed(person, touched);
    }

    @Transactional
    public Person leave(String unitCode, UUID personId, ExpectedVersion expected, LocalDate on, LeaveReason reason, Caller caller) {
        String unit = unit(unitCode, caller);
        requireDay(on, "leftOn");
        Person person = memberOf(unit, personId);
        expected.requireMatches(person.version);
        PersonMembership membership = person.current().orElseThrow();
        person.leave(unit, on, reason == null ? LeaveReason.LEFT : reason, caller.subject(), Instant.now(clock));
        return changed(person, statistics.touchedBy(membership));
    }

    /** Moves a person from one unit to another from that day on: the Board's, since it changes two units at once. */
    @Transactional
    public Person move(String unitCode, UUID personId, ExpectedVersion expected, String toUnitCode, LocalDate on, String personnelCode,
                       String position, Caller caller) {
        caller.requireBoardOrAdmin();
        String from = unit(unitCode, caller);
        String to = activeUnit(toUnitCode, caller);
        requireDay(on, "on");
        Person person = memberOf(from, personId);
        expected.requireMatches(person.version);
        requirePersonnelCodeFree(to, personnelCode, personId);
        PersonMembership leaving = person.current().orElseThrow();
        PersonMembership joining = person.moveTo(from, to, on, personnelCode, position, caller.subject(), Instant.now(clock));
        // the old membership closes in the database before the new one opens: one current membership per person
        Panache.getEntityManager().flush();
        joining.persist();
        Set<UnitYear> touched = new TreeSet<>(statistics.touchedBy(leaving));
        touched.addAll(statistics.touchedBy(joining));
        return changed(person, touched);
    }

    /** Records (or replaces) a person's result of a year; replacing needs the version of the result read. */
    @Transactional
    public PersonYear recordYear(String unitCode, UUID personId, int year, ExpectedVersion expected, YearResult result, Caller caller) {
        String unit = unit(unitCode, caller);
        Person person = load(personId);
        if (!person.everMemberOf(unit)) {
            throw Refusal.notFound("person-not-found", "person.not-found", personId);
        }
        person.requireResultAllowed(unit, year, PersonDetails.currentYear(clock));
        PersonYear existing = PersonYear.find(personId, year);
        if (existing != null) {
            expected.requireNamed();
            expected.requireMatches(existing.version);
            if (!existing.unitCode.equals(unit) && !caller.isBoardOrAdmin()) {
                throw Refusal.conflict("result-of-another-unit", "person.result-of-another-unit", person.fullName, year, existing.unitCode);
            }
        }
        PersonYear record = existing == null ? PersonYear.of(personId, year) : existing;
        if (!record.apply(unit, result, caller.subject(), Instant.now(clock))) {
            return record;
        }
        if (existing == null) {
            record.persist();
        }
        Panache.getEntityManager().flush();
        announce.year(record);
        Set<UnitYear> touched = new TreeSet<>();
        person.memberships().stream().filter(m -> m.overlapsYear(year)).forEach(m -> touched.add(new UnitYear(m.unitCode, year)));
        statistics.recount(touched);
        return record;
    }

    /** A person of the unit (now or before), as the caller may see it; a read by anyone but the unit is written down. */
    @Transactional
    public Seen read(String unitCode, UUID personId, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.View view = viewOf(caller, unit);
        Person person = load(personId);
        if (!person.everMemberOf(unit)) {
            throw Refusal.notFound("person-not-found", "person.not-found", personId);
        }
        reads.record(caller, unit, List.of(personId), PersonRead.Purpose.RECORD, view);
        return new Seen(person, view);
    }

    /** The person's results, newest year first, for a reader of the person. */
    public List<PersonYear> years(UUID personId) {
        return PersonYear.list("personId = ?1 order by year desc", personId);
    }

    /** A page of the unit's people in name order; each read by anyone but the unit is written down. */
    @Transactional
    public Listed list(String unitCode, Which which, PageRequest page, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.View view = viewOf(caller, unit);
        String where = whereMembers(which);
        Parameters parameters = Parameters.with("unit", unit);
        long total = Person.count("from Person p where " + where, parameters);
        List<Person> people = Person.<Person>find("from Person p where " + where + " order by p.fullName, p.id", parameters)
                .page(page.page(), page.size()).list();
        withMemberships(people);
        reads.record(caller, unit, people.stream().map(p -> p.id).toList(), PersonRead.Purpose.LIST, view);
        return new Listed(new Page<>(people, page.page(), page.size(), total), view);
    }

    /** Every current member of the unit, for an export; each read by anyone but the unit is written down. */
    @Transactional
    public Listed export(String unitCode, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.View view = viewOf(caller, unit);
        List<Person> people = Person.<Person>find("from Person p where " + whereMembers(Which.CURRENT) + " order by p.fullName, p.id",
                Parameters.with("unit", unit)).list();
        withMemberships(people);
        reads.record(caller, unit, people.stream().map(p -> p.id).toList(), PersonRead.Purpose.EXPORT, view);
        return new Listed(new Page<>(people, 0, Math.max(1, people.size()), people.size()), view);
    }

    /** The condition on {@code Person p} that selects the unit's (parameter {@code unit}) people of that kind. */
    private static String whereMembers(Which which) {
        String membership = switch (which) {
            case CURRENT -> "m.leftOn is null";
            case FORMER -> "m.leftOn is not null and not exists (select 1 from PersonMembership c where c.personId = p.id and c.unitCode = :unit and c.leftOn is null)";
            case ALL -> "1 = 1";
        };
        return "exists (select 1 from PersonMembership m where m.personId = p.id and m.unitCode = :unit and " + membership + ")";
    }

    /** The unit's member statistics of the year as counted now: for those who read the unit's cluster. */
    public MemberStatistics statistics(String unitCode, int year, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        if (!caller.readsEveryCluster() && !caller.actsFor(unit) && !leadsClusterOf(caller, unit)) {
            throw Refusal.forbidden("people-of-another-unit", "person.read.forbidden", unit);
        }
        units.get(new UnitCode(unit));
        return statistics.count(unit, year);
    }

    /** Who read the unit's people: the Board and the unit itself see it. */
    public Page<PersonRead> readsOf(String unitCode, PageRequest page, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.requireChange(caller, unit);
        return reads.of(unit, page);
    }

    /** The view the caller gets of the unit's people (and what names them, as initiatives do), or a refusal. */
    public PersonAccess.View viewOf(Caller caller, String unit) {
        return PersonAccess.viewOf(caller, unit, () -> leadsClusterOf(caller, unit));
    }

    private boolean leadsClusterOf(Caller caller, String unit) {
        int year = PersonDetails.currentYear(clock);
        // the year-end review of a year happens early in the next, so last year's leader still answers for it
        return caller.actingUnit().filter(own -> ClusterLeaders.leadsClusterOf(own, unit, year - 1, year)).isPresent()
                && caller.hasAnyRole(vn.thidua.platform.security.Roles.CLUSTER_LEADER);
    }

    /** Flushes (the version grows), recounts and announces the person. */
    private Person changed(Person person, Set<UnitYear> touched) {
        Panache.getEntityManager().flush();
        announce.person(person);
        statistics.recount(touched);
        return person;
    }

    static void withMemberships(List<Person> people) {
        if (people.isEmpty()) {
            return;
        }
        Map<UUID, List<PersonMembership>> byPerson = new HashMap<>();
        PersonMembership.<PersonMembership>list("personId in ?1", people.stream().map(p -> p.id).toList())
                .forEach(m -> byPerson.computeIfAbsent(m.personId, k -> new ArrayList<>()).add(m));
        people.forEach(p -> p.memberships(byPerson.getOrDefault(p.id, List.of())));
    }

    private String unit(String unitCode, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.requireChange(caller, unit);
        units.get(new UnitCode(unit));
        return unit;
    }

    private String activeUnit(String unitCode, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.requireChange(caller, unit);
        Unit found = units.get(new UnitCode(unit));
        if (!found.isActive()) {
            throw Refusal.unprocessable("unit-not-active", "person.unit-not-active", unit);
        }
        return unit;
    }

    static Person load(UUID personId) {
        return Person.load(personId).orElseThrow(() -> Refusal.notFound("person-not-found", "person.not-found", personId));
    }

    /** A current member of the unit; anyone else is not found there (nothing tells a unit about other units' people). */
    private static Person memberOf(String unit, UUID personId) {
        Person person = load(personId);
        if (!person.isMemberOf(unit)) {
            if (person.everMemberOf(unit)) {
                throw Refusal.conflict("person-not-current-member", "person.not-current-member", person.fullName, unit);
            }
            throw Refusal.notFound("person-not-found", "person.not-found", personId);
        }
        return person;
    }

    private static void requirePersonnelCodeFree(String unit, String personnelCode, UUID personId) {
        if (personnelCode == null) {
            return;
        }
        long taken = PersonMembership.count("unitCode = ?1 and personnelCode = ?2 and leftOn is null and personId <> ?3", unit,
                personnelCode, personId == null ? new UUID(0, 0) : personId);
        if (taken > 0) {
            throw Refusal.conflict("personnel-code-taken", "person.personnel-code-taken", personnelCode, unit);
        }
    }

    private static void requireDay(LocalDate day, String field) {
        if (day == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", field);
        }
    }
}
