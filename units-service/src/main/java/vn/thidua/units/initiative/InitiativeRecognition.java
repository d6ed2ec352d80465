package vn.thidua.units.initiative;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** An Initiative Council's recognition of an initiative at its level, with its decision and the scope of effect it found. */
@Entity
@Table(name = "initiative_recognition")
@IdClass(InitiativeRecognition.Key.class)
public class InitiativeRecognition extends PanacheEntityBase {
    public record Key(UUID initiativeId, RecognitionLevel level) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "initiative_id")
    public UUID initiativeId;

    @Id
    @Enumerated(EnumType.STRING)
    @Column(length = 20)
    public RecognitionLevel level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public EffectScope scope;

    @Column(nullable = false, length = 300)
    public String issuer;

    @Column(name = "decision_number", nullable = false, length = 60)
    public String decisionNumber;

    @Column(name = "decided_on", nullable = false)
    public LocalDate decidedOn;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
