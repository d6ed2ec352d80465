package vn.thidua.scoring.model;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One unit adopting (nhân rộng) another unit's model: once per model and unit. */
@Entity
@Table(name = "model_replication")
public class ModelReplication extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "model_id", nullable = false)
    public long modelId;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "adopted_on", nullable = false)
    public LocalDate adoptedOn;

    @Column(length = 2000)
    public String note;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
