package vn.thidua.units.person;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A person's result of one year as the unit recorded it. */
@Entity
@Table(name = "person_year")
@IdClass(PersonYear.Key.class)
public class PersonYear extends PanacheEntityBase {
    public record Key(UUID personId, int year) implements Serializable {
        public Key() {
            this(null, 0);
        }
    }

    @Id
    @Column(name = "person_id")
    public UUID personId;

    @Id
    public int year;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "task_rating", nullable = false, length = 20)
    public TaskRating taskRating;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<UnitLevelTitle> titles = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Discipline discipline = Discipline.NONE;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> evidence = new ArrayList<>();

    @Column(length = 1000)
    public String note;

    @Version
    public long version;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static PersonYear find(UUID personId, int year) {
        return findById(new Key(personId, year));
    }

    /** Starts a result; {@link #apply} fills it. */
    static PersonYear of(UUID personId, int year) {
        PersonYear result = new PersonYear();
        result.personId = personId;
        result.year = year;
        return result;
    }

    /** Takes the unit's result; whether anything changed. */
    boolean apply(String unit, YearResult result, String by, Instant now) {
        boolean changed = !Objects.equals(unitCode, unit) || taskRating != result.taskRating() || !titles.equals(result.titles())
                || discipline != result.discipline() || !evidence.equals(result.evidence()) || !Objects.equals(note, result.note());
        if (changed) {
            unitCode = unit;
            taskRating = result.taskRating();
            titles = new ArrayList<>(result.titles());
            discipline = result.discipline();
            evidence = new ArrayList<>(result.evidence());
            note = result.note();
            recordedBy = by;
            recordedAt = now;
        }
        return changed;
    }
}
