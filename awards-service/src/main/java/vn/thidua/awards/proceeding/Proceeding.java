package vn.thidua.awards.proceeding;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A proceeding against a unit the Board learned of (from the police, the inspectorate, the tax
 * office, a complaint): while it is open the unit is neither proposed nor awarded (Decree 152/2025
 * Art. 4(4), [V2]). Closed once, never deleted.
 */
@Entity
@Table(name = "proceeding")
public class Proceeding extends PanacheEntityBase {

    public enum Kind {
        /** Under review for discipline (đang xem xét kỷ luật). */
        DISCIPLINE,
        /** Under investigation (điều tra). */
        INVESTIGATION,
        /** Under inspection (thanh tra). */
        INSPECTION,
        /** Under audit (kiểm toán). */
        AUDIT,
        /** A complaint or denunciation being verified (khiếu nại, tố cáo đang được xác minh). */
        COMPLAINT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Kind kind;

    @Column(name = "opened_on", nullable = false)
    public LocalDate openedOn;

    @Column(nullable = false, length = 500)
    public String source;

    /** The number of the sending agency's letter or list (số văn bản), when known: with the unit and source, it names the proceeding. */
    @Column(length = 100)
    public String reference;

    @Column(length = 2000)
    public String note;

    @Column(name = "closed_on")
    public LocalDate closedOn;

    @Column(name = "close_source", length = 500)
    public String closeSource;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "recorded_by", nullable = false, length = 100)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "closed_by", length = 100)
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    public boolean open() {
        return closedOn == null;
    }
}
