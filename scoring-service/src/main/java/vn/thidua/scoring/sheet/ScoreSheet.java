package vn.thidua.scoring.sheet;

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
import vn.thidua.scoring.criteria.Stage;

/**
 * A score sheet (phiếu chấm) of one stage for one unit: its own (SELF), another member's view of
 * it (PEER, with the scoring unit), or the appraisal (BOARD).
 */
@Entity
@Table(name = "score_sheet")
public class ScoreSheet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "set_id", nullable = false)
    public long setId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Stage stage;

    /** The unit being scored. */
    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    /** The unit that scores: the unit itself for SELF, another member for PEER, none for BOARD. */
    @Column(name = "scorer_code", length = 35)
    public String scorerCode;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public SheetStatus status;

    @Column(name = "submitted_at")
    public Instant submittedAt;

    @Column(name = "submitted_by", length = 100)
    public String submittedBy;

    @Version
    @Column(nullable = false)
    public long version;

    public static ScoreSheet open(long setId, Stage stage, String unitCode, String scorerCode) {
        ScoreSheet sheet = new ScoreSheet();
        sheet.setId = setId;
        sheet.stage = stage;
        sheet.unitCode = unitCode;
        sheet.scorerCode = scorerCode;
        sheet.status = SheetStatus.OPEN;
        return sheet;
    }
}
