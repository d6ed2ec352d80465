package vn.thidua.scoring.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A model or advanced example (mô hình, điển hình tiên tiến) a unit recorded, with the Board's
 * recognition once given. Where it was replicated lives in {@link ModelReplication}.
 */
@Entity
@Table(name = "exemplary_model")
public class ExemplaryModel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "owner_unit_code", nullable = false, length = 35)
    public String ownerUnitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public ModelKind kind;

    @Column(nullable = false, length = 300)
    public String title;

    @Column(length = 4000)
    public String description;

    @Column(length = 100)
    public String field;

    @Column(name = "field_key", length = 100)
    public String fieldKey;

    @Column(name = "started_year", nullable = false)
    public int startedYear;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> evidence = new ArrayList<>();

    @Column(name = "recognised_on")
    public LocalDate recognisedOn;

    @Column(name = "recognition_reason", length = 2000)
    public String recognitionReason;

    @Column(name = "recognised_by", length = 100)
    public String recognisedBy;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public boolean recognised() {
        return recognisedOn != null;
    }
}
