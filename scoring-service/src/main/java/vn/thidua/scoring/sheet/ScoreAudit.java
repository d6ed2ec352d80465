package vn.thidua.scoring.sheet;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One line of the append-only trail of score changes: who, when, old value, new value, why. */
@Entity
@Table(name = "score_audit")
public class ScoreAudit extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "set_id", nullable = false)
    public long setId;

    @Column(name = "sheet_id", nullable = false)
    public long sheetId;

    @Column(name = "criterion_id")
    public Long criterionId;

    @Column(nullable = false, length = 30)
    public String action;

    @Column(name = "old_points", precision = 9, scale = 2)
    public BigDecimal oldPoints;

    @Column(name = "new_points", precision = 9, scale = 2)
    public BigDecimal newPoints;

    @Column(length = 2000)
    public String reason;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false)
    public Instant at;

    static ScoreAudit of(SheetEvent event) {
        ScoreAudit audit = new ScoreAudit();
        audit.setId = event.setId();
        audit.sheetId = event.sheetId();
        audit.criterionId = event.criterionId();
        audit.action = event.action();
        audit.oldPoints = event.oldPoints();
        audit.newPoints = event.newPoints();
        audit.reason = event.reason();
        audit.actor = event.actor();
        audit.at = event.at();
        return audit;
    }
}
