package vn.thidua.awards.person;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import vn.thidua.awards.condition.Discipline;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.condition.InitiativeScope;
import vn.thidua.awards.condition.RecognitionLevel;
import vn.thidua.awards.condition.TaskCompletion;

/**
 * The people of the units, their yearly results and their initiatives, as units-service announces them
 * ({@code thidua.people.v1}): what person awards are proposed for and judged on. Each subject keeps its highest version,
 * whatever order the events of different subjects arrive in, so a result or an initiative may name a person not known
 * yet. Joins the caller's transaction.
 */
@ApplicationScoped
public class KnownPeople {
    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public KnownPeople(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    void apply(PersonRecorded event) {
        int changed = entityManager.createNativeQuery("""
                        INSERT INTO known_person (id, full_name, unit_code, position, status, version) VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (id) DO UPDATE SET full_name = EXCLUDED.full_name, unit_code = EXCLUDED.unit_code,
                            position = EXCLUDED.position, status = EXCLUDED.status, version = EXCLUDED.version
                        WHERE known_person.version < EXCLUDED.version""")
                .setParameter(1, event.id()).setParameter(2, event.fullName()).setParameter(3, event.unitCode())
                .setParameter(4, event.position()).setParameter(5, event.status()).setParameter(6, event.version()).executeUpdate();
        if (changed == 0) {
            return; // an older state than the one kept: its memberships are older too
        }
        entityManager.createNativeQuery("DELETE FROM known_person_membership WHERE person_id = ?1").setParameter(1, event.id()).executeUpdate();
        for (PersonRecorded.Membership m : event.memberships()) {
            entityManager.createNativeQuery("""
                            INSERT INTO known_person_membership (person_id, unit_code, position, joined_on, left_on) VALUES (?1, ?2, ?3, ?4, ?5)
                            ON CONFLICT (person_id, joined_on) DO NOTHING""")
                    .setParameter(1, event.id()).setParameter(2, m.unitCode()).setParameter(3, PeopleEvents.cut(m.position(), 200))
                    .setParameter(4, m.joinedOn()).setParameter(5, m.leftOn()).executeUpdate();
        }
    }

    void apply(PersonYearRecorded event) {
        try {
            entityManager.createNativeQuery("""
                            INSERT INTO person_year_result (person_id, year, unit_code, task_rating, titles, discipline, removed, version)
                            VALUES (?1, ?2, ?3, ?4, CAST(?5 AS jsonb), ?6, ?7, ?8)
                            ON CONFLICT (person_id, year) DO UPDATE SET unit_code = EXCLUDED.unit_code, task_rating = EXCLUDED.task_rating,
                                titles = EXCLUDED.titles, discipline = EXCLUDED.discipline, removed = EXCLUDED.removed, version = EXCLUDED.version
                            WHERE person_year_result.version < EXCLUDED.version""")
                    .setParameter(1, event.personId()).setParameter(2, event.year()).setParameter(3, event.unitCode())
                    .setParameter(4, event.taskRating() == null ? null : event.taskRating().name())
                    .setParameter(5, mapper.writeValueAsString(event.titles())).setParameter(6, event.discipline().name())
                    .setParameter(7, event.removed()).setParameter(8, event.version()).executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A list of codes is plain JSON", e);
        }
    }

    void apply(InitiativeRecorded event) {
        int changed = entityManager.createNativeQuery("""
                        INSERT INTO initiative (id, title, unit_code, registered_on, version) VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title, unit_code = EXCLUDED.unit_code,
                            registered_on = EXCLUDED.registered_on, version = EXCLUDED.version
                        WHERE initiative.version < EXCLUDED.version""")
                .setParameter(1, event.id()).setParameter(2, event.title()).setParameter(3, event.unitCode())
                .setParameter(4, event.registeredOn()).setParameter(5, event.version()).executeUpdate();
        if (changed == 0) {
            return;
        }
        entityManager.createNativeQuery("DELETE FROM initiative_author WHERE initiative_id = ?1").setParameter(1, event.id()).executeUpdate();
        entityManager.createNativeQuery("DELETE FROM initiative_recognition WHERE initiative_id = ?1").setParameter(1, event.id())
                .executeUpdate();
        for (InitiativeRecorded.Author author : event.authors()) {
            entityManager.createNativeQuery("INSERT INTO initiative_author (initiative_id, person_id, full_name) VALUES (?1, ?2, ?3)")
                    .setParameter(1, event.id()).setParameter(2, author.personId()).setParameter(3, PeopleEvents.cut(author.fullName(), 200))
                    .executeUpdate();
        }
        for (InitiativeRecorded.Recognition r : event.recognitions()) {
            entityManager.createNativeQuery("""
                            INSERT INTO initiative_recognition (initiative_id, level, scope, issuer, decision_number, decided_on)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, event.id()).setParameter(2, r.level().name()).setParameter(3, r.scope().name())
                    .setParameter(4, PeopleEvents.cut(r.issuer(), 300)).setParameter(5, PeopleEvents.cut(r.decisionNumber(), 100))
                    .setParameter(6, r.decidedOn()).executeUpdate();
        }
    }

    /** The person as last announced; empty when units-service has not announced them (yet). */
    @SuppressWarnings("unchecked")
    public Optional<KnownPerson> find(UUID id) {
        List<Object[]> rows = entityManager.createNativeQuery("SELECT full_name, unit_code, position, status FROM known_person WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> memberships = entityManager.createNativeQuery("""
                        SELECT unit_code, position, joined_on, left_on FROM known_person_membership WHERE person_id = ?1 ORDER BY joined_on""")
                .setParameter(1, id).getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new KnownPerson(id, (String) row[0], (String) row[1], (String) row[2], (String) row[3], memberships.stream()
                .map(m -> new KnownPerson.Membership((String) m[0], (String) m[1], date(m[2]), date(m[3]))).toList()));
    }

    /** The person's results by year as their units recorded them (removed ones left out). */
    @SuppressWarnings("unchecked")
    public Map<Integer, Facts.PersonYear> yearsOf(UUID personId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT year, task_rating, CAST(titles AS text), discipline FROM person_year_result
                        WHERE person_id = ?1 AND NOT removed""")
                .setParameter(1, personId).getResultList();
        Map<Integer, Facts.PersonYear> years = new TreeMap<>();
        for (Object[] row : rows) {
            try {
                years.put(((Number) row[0]).intValue(), new Facts.PersonYear(row[1] == null ? null : TaskCompletion.valueOf((String) row[1]),
                        Set.copyOf(mapper.readValue((String) row[2], new TypeReference<List<String>>() { })), Discipline.valueOf((String) row[3])));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("person_year_result holds only what this service wrote", e);
            }
        }
        return years;
    }

    /** Every recognition of every initiative the person (co-)authored, oldest decision first. */
    @SuppressWarnings("unchecked")
    public List<Facts.InitiativeRecognition> initiativesOf(UUID personId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT i.id, i.title, r.level, r.scope, r.decided_on FROM initiative i
                        JOIN initiative_author a ON a.initiative_id = i.id JOIN initiative_recognition r ON r.initiative_id = i.id
                        WHERE a.person_id = ?1 ORDER BY r.decided_on, i.id, r.level""")
                .setParameter(1, personId).getResultList();
        List<Facts.InitiativeRecognition> recognitions = new ArrayList<>();
        for (Object[] row : rows) {
            recognitions.add(new Facts.InitiativeRecognition((UUID) row[0], (String) row[1], RecognitionLevel.valueOf((String) row[2]),
                    InitiativeScope.valueOf((String) row[3]), date(row[4])));
        }
        return recognitions;
    }

    private static LocalDate date(Object value) {
        return value == null ? null : value instanceof Date sql ? sql.toLocalDate() : (LocalDate) value;
    }
}
