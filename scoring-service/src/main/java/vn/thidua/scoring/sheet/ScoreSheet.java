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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.CriteriaSetStatus;
import vn.thidua.scoring.criteria.Criterion;
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

    /** Only an open sheet takes scores or is submitted. */
    void requireOpen() {
        if (status == SheetStatus.SUBMITTED) {
            throw Refusal.conflict("sheet-submitted", "sheet.submitted", id);
        }
    }

    /**
     * Its scorer writes one criterion: points within the criterion's bounds, never a computed
     * criterion on the unit's own sheet, and on the Board's sheet an explanation whenever the points
     * differ from {@code preBoardValue} (the peer mean, else the self score).
     */
    SheetEvent score(Criterion criterion, Score score, ScoreEntry entry, BigDecimal preBoardValue, String actor, Instant now) {
        requireOpen();
        ScoreRules.requireWithinBounds(criterion, entry.points());
        if (stage == Stage.SELF && criterion.computedFrom != null) {
            throw Refusal.unprocessable("computed-criterion", "sheet.computed-criterion", criterion.code);
        }
        if (stage == Stage.BOARD) {
            ScoreRules.requireExplanationIfAdjusted(criterion, preBoardValue, entry.points(), entry.explanation());
        }
        score.explanation = entry.explanation();
        return write(score, SheetEvent.SCORED, entry.points(), entry.comment(), entry.evidence() == null ? List.of() : entry.evidence(),
                entry.explanation() != null ? entry.explanation() : entry.comment(), actor, now);
    }

    /**
     * A computed criterion on the unit's SELF sheet takes the points (and the evidence) of its
     * report: nothing happens to a submitted sheet, while the set is not being scored, or when the
     * points and evidence are already these.
     */
    Optional<SheetEvent> fillComputed(CriteriaSet set, Score score, BigDecimal points, List<String> evidence, String reason,
                                      String actor, Instant now) {
        if (status != SheetStatus.OPEN || set.status != CriteriaSetStatus.PUBLISHED) {
            return Optional.empty();
        }
        if (score.points != null && score.points.compareTo(points) == 0 && score.evidence.equals(evidence)) {
            return Optional.empty();
        }
        // the report's evidence backs the computed points
        return Optional.of(write(score, SheetEvent.COMPUTED, points, reason, evidence, reason, actor, now));
    }

    private SheetEvent write(Score score, String action, BigDecimal points, String comment, List<String> evidence, String reason,
                             String actor, Instant now) {
        BigDecimal old = score.points;
        score.points = points;
        score.comment = comment;
        score.evidence = new ArrayList<>(evidence);
        score.updatedBy = actor;
        score.updatedAt = now;
        return new SheetEvent(setId, id, score.key.criterionId(), action, old, points, reason, actor, now);
    }

    /** Sends the sheet: every criterion scored, and on a SELF sheet evidence wherever the criterion requires it. */
    SheetEvent submit(List<Criterion> criteria, Map<Long, Score> scores, String actor, Instant now) {
        requireOpen();
        List<Refusal.Reason> missing = new ArrayList<>();
        for (Criterion criterion : criteria) {
            Score score = scores.get(criterion.id);
            if (score == null) {
                missing.add(new Refusal.Reason(criterion.code, "sheet.submit.unscored", criterion.code));
            } else if (stage == Stage.SELF && criterion.evidenceRequired && score.evidence.isEmpty()) {
                missing.add(new Refusal.Reason(criterion.code, "sheet.submit.evidence-missing", criterion.code));
            }
        }
        if (!missing.isEmpty()) {
            throw Refusal.unprocessable("sheet-incomplete", "sheet.submit.incomplete", missing.size()).because(missing);
        }
        status = SheetStatus.SUBMITTED;
        submittedAt = now;
        submittedBy = actor;
        return new SheetEvent(setId, id, null, SheetEvent.SUBMITTED, null, null, null, actor, now);
    }

    /** A submitted sheet goes back to its scorer, with a written reason. */
    SheetEvent reopen(String reason, String actor, Instant now) {
        if (status != SheetStatus.SUBMITTED) {
            throw Refusal.conflict("sheet-not-submitted", "sheet.reopen.not-submitted", id);
        }
        if (reason == null || reason.isBlank()) {
            throw Refusal.unprocessable("reason-required", "sheet.reopen.reason-required");
        }
        status = SheetStatus.OPEN;
        submittedAt = null;
        submittedBy = null;
        return new SheetEvent(setId, id, null, SheetEvent.REOPENED, null, null, reason, actor, now);
    }
}
