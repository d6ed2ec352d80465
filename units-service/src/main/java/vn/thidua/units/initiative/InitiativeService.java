package vn.thidua.units.initiative;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.units.person.PersonAccess;
import vn.thidua.units.person.PersonEvents;
import vn.thidua.units.person.PersonService;
import vn.thidua.units.person.Person;
import vn.thidua.units.unit.UnitCode;
import vn.thidua.units.unit.UnitService;

/**
 * Use cases of initiatives: a unit registers its people's initiatives and records its own Initiative
 * Council's recognitions; recognitions above the unit are the Board's to record. Who reads them is who
 * reads the unit's people, since they name people.
 */
@ApplicationScoped
public class InitiativeService {
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;
    private final PersonService people;
    private final UnitService units;

    public InitiativeService(Outbox outbox, CloudEvents events, Clock clock, PersonService people, UnitService units) {
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.people = people;
        this.units = units;
    }

    /** An initiative with its authors' names, as a reader may see it. */
    public record Seen(Initiative initiative, Map<UUID, String> authorNames, PersonAccess.View view) {
    }

    @Transactional
    public Seen register(String unitCode, String title, String summary, LocalDate registeredOn, List<UUID> authorIds, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.requireChange(caller, unit);
        units.get(new UnitCode(unit));
        if (registeredOn == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "registeredOn");
        }
        if (registeredOn.isAfter(LocalDate.now(clock))) {
            throw Refusal.unprocessable("registered-in-future", "initiative.registered-in-future", registeredOn);
        }
        List<Person> authors = new ArrayList<>();
        for (UUID id : authorIds == null ? List.<UUID>of() : authorIds) {
            // a person of another unit is not found: a unit learns nothing of other units' people
            authors.add(Person.load(id).filter(p -> p.everMemberOf(unit))
                    .orElseThrow(() -> Refusal.unprocessable("author-not-found", "initiative.author-not-found", id, unit)));
        }
        Instant now = Instant.now(clock);
        Initiative initiative = Initiative.register(new Initiative.Registration(unit, title, summary, registeredOn, authors), caller.subject(), now);
        initiative.persist();
        initiative.authors().forEach(a -> a.persist());
        return announced(initiative, PersonAccess.View.FULL);
    }

    /** Records a recognition: the unit records its own council's (grassroots), the Board any. */
    @Transactional
    public Seen recognise(UUID id, ExpectedVersion expected, Initiative.Recognition recognition, Caller caller) {
        Initiative initiative = Initiative.load(id).orElseThrow(() -> Refusal.notFound("initiative-not-found", "initiative.not-found", id));
        PersonAccess.requireChange(caller, initiative.unitCode);
        if (recognition.level() != RecognitionLevel.GRASSROOTS && !caller.isBoardOrAdmin()) {
            throw Refusal.forbidden("recognition-above-unit", "initiative.recognition-above-unit", recognition.level());
        }
        expected.requireMatches(initiative.version);
        if (recognition.decidedOn().isAfter(LocalDate.now(clock))) {
            throw Refusal.unprocessable("decided-in-future", "initiative.decided-in-future", recognition.decidedOn());
        }
        initiative.recognise(recognition, caller.subject(), Instant.now(clock)).persist();
        return announced(initiative, PersonAccess.View.FULL);
    }

    public Seen read(UUID id, Caller caller) {
        Initiative initiative = Initiative.load(id).orElseThrow(() -> Refusal.notFound("initiative-not-found", "initiative.not-found", id));
        PersonAccess.View view = people.viewOf(caller, initiative.unitCode);
        return new Seen(initiative, authorNames(List.of(initiative)), view);
    }

    /** The unit's initiatives, newest registration first. */
    public Page<Seen> list(String unitCode, PageRequest page, Caller caller) {
        String unit = UnitCode.parse(unitCode).value();
        PersonAccess.View view = people.viewOf(caller, unit);
        long total = Initiative.count("unitCode", unit);
        List<Initiative> found = Initiative.<Initiative>find("unitCode = ?1 order by registeredOn desc, id", unit).page(page.page(), page.size()).list();
        found.forEach(Initiative::loadParts);
        Map<UUID, String> names = authorNames(found);
        return new Page<>(found.stream().map(i -> new Seen(i, names, view)).toList(), page.page(), page.size(), total);
    }

    private Seen announced(Initiative initiative, PersonAccess.View view) {
        Panache.getEntityManager().flush();
        Map<UUID, String> names = authorNames(List.of(initiative));
        outbox.publish(PersonEvents.PEOPLE_TOPIC, events.create(PersonEvents.SOURCE, PersonEvents.INITIATIVE_RECORDED, initiative.id.toString(),
                InitiativeState.of(initiative, names)));
        return new Seen(initiative, names, view);
    }

    private static Map<UUID, String> authorNames(List<Initiative> initiatives) {
        List<UUID> ids = initiatives.stream().flatMap(i -> i.authors().stream()).map(a -> a.personId).distinct().toList();
        Map<UUID, String> names = new HashMap<>();
        if (!ids.isEmpty()) {
            Person.<Person>list("id in ?1", ids).forEach(p -> names.put(p.id, p.fullName));
        }
        return names;
    }

    /** The data of {@code InitiativeRecorded} (docs/events.md). */
    public record InitiativeState(UUID id, String title, String unitCode, LocalDate registeredOn, List<Author> authors,
                                  List<RecognitionState> recognitions, long version) {
        public record Author(UUID personId, String fullName) {
        }

        public record RecognitionState(RecognitionLevel level, EffectScope scope, String issuer, String decisionNumber, LocalDate decidedOn) {
        }

        static InitiativeState of(Initiative initiative, Map<UUID, String> names) {
            return new InitiativeState(initiative.id, initiative.title, initiative.unitCode, initiative.registeredOn,
                    initiative.authors().stream().map(a -> new Author(a.personId, names.get(a.personId))).toList(),
                    initiative.recognitions().stream().map(r -> new RecognitionState(r.level, r.scope, r.issuer, r.decisionNumber, r.decidedOn)).toList(),
                    initiative.version);
        }
    }
}
