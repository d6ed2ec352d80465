package vn.thidua.units.initiative;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.units.person.Person;

/**
 * An initiative (sáng kiến; what counts as one is in docs/rules.md) registered by a person or a group of a unit,
 * and the recognitions Initiative Councils gave it. It owns its rules: authors who belonged to the unit
 * when it was registered, one recognition per level, a recognition not dated before the registration,
 * and no council finding an effect wider than its own reach.
 */
@Entity
@Table(name = "initiative")
public class Initiative extends PanacheEntityBase {
    public static final int MAX_AUTHORS = 20;

    @Id
    public UUID id;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(length = 4000)
    public String summary;

    @Column(name = "registered_on", nullable = false)
    public LocalDate registeredOn;

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

    @Transient
    List<InitiativeAuthor> authors = new ArrayList<>();

    @Transient
    List<InitiativeRecognition> recognitions = new ArrayList<>();

    /** What a registration says, checked by the web layer for form and here for the rules. */
    public record Registration(String unitCode, String title, String summary, LocalDate registeredOn, List<Person> authors) {
    }

    public static Initiative register(Registration registration, String by, Instant now) {
        List<Person> people = registration.authors();
        if (people.isEmpty()) {
            throw Refusal.invalid("invalid-field", "initiative.authors.required");
        }
        if (people.size() > MAX_AUTHORS) {
            throw Refusal.invalid("invalid-field", "initiative.authors.too-many", MAX_AUTHORS);
        }
        if (new HashSet<>(people.stream().map(p -> p.id).toList()).size() != people.size()) {
            throw Refusal.invalid("invalid-field", "initiative.authors.repeated");
        }
        for (Person author : people) {
            if (!author.memberships().stream().anyMatch(m -> m.unitCode.equals(registration.unitCode()) && m.covers(registration.registeredOn()))) {
                throw Refusal.unprocessable("author-not-member", "initiative.author-not-member", author.fullName, registration.unitCode(),
                        registration.registeredOn());
            }
        }
        Initiative initiative = new Initiative();
        initiative.id = UUID.randomUUID();
        initiative.unitCode = registration.unitCode();
        initiative.title = registration.title();
        initiative.summary = registration.summary();
        initiative.registeredOn = registration.registeredOn();
        initiative.createdBy = by;
        initiative.createdAt = now;
        initiative.updatedBy = by;
        initiative.updatedAt = now;
        for (int i = 0; i < people.size(); i++) {
            InitiativeAuthor author = new InitiativeAuthor();
            author.initiativeId = initiative.id;
            author.position = i + 1;
            author.personId = people.get(i).id;
            initiative.authors.add(author);
        }
        return initiative;
    }

    public static Optional<Initiative> load(UUID id) {
        Optional<Initiative> found = Initiative.<Initiative>findByIdOptional(id);
        found.ifPresent(Initiative::loadParts);
        return found;
    }

    void loadParts() {
        authors = new ArrayList<>(InitiativeAuthor.list("initiativeId = ?1 order by position", id));
        recognitions = new ArrayList<>(InitiativeRecognition.list("initiativeId = ?1", id));
        recognitions.sort(Comparator.comparing(r -> r.level));
    }

    public List<InitiativeAuthor> authors() {
        return List.copyOf(authors);
    }

    public List<InitiativeRecognition> recognitions() {
        return List.copyOf(recognitions);
    }

    /** What a recognition says. */
    public record Recognition(RecognitionLevel level, EffectScope scope, String issuer, String decisionNumber, LocalDate decidedOn) {
    }

    /** Records a council's recognition; returns it, to be stored. */
    public InitiativeRecognition recognise(Recognition recognition, String by, Instant now) {
        if (recognitions.stream().anyMatch(r -> r.level == recognition.level())) {
            throw Refusal.conflict("initiative-recognised-twice", "initiative.recognised-twice", title, recognition.level());
        }
        if (recognition.decidedOn().isBefore(registeredOn)) {
            throw Refusal.unprocessable("recognised-before-registered", "initiative.recognised-before-registered", recognition.decidedOn(),
                    registeredOn);
        }
        if (recognition.scope().ordinal() > recognition.level().ordinal()) {
            throw Refusal.unprocessable("scope-beyond-level", "initiative.scope-beyond-level", recognition.scope(), recognition.level());
        }
        InitiativeRecognition recorded = new InitiativeRecognition();
        recorded.initiativeId = id;
        recorded.level = recognition.level();
        recorded.scope = recognition.scope();
        recorded.issuer = recognition.issuer();
        recorded.decisionNumber = recognition.decisionNumber();
        recorded.decidedOn = recognition.decidedOn();
        recorded.recordedBy = by;
        recorded.recordedAt = now;
        recognitions.add(recorded);
        recognitions.sort(Comparator.comparing(r -> r.level));
        updatedBy = by;
        updatedAt = now;
        return recorded;
    }
}
