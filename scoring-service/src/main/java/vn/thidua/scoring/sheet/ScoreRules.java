package vn.thidua.scoring.sheet;

import java.math.BigDecimal;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.scoring.criteria.Criterion;

/** The rules a single score must keep, apart from who writes it and when. */
final class ScoreRules {
    private ScoreRules() {
    }

    /** 0 to the criterion's maximum (for a penalty: the maximum deduction), at most two decimals. */
    static void requireWithinBounds(Criterion criterion, BigDecimal points) {
        if (points == null) {
            throw Refusal.unprocessable("points-required", "sheet.points.required", criterion.code);
        }
        if (points.signum() < 0 || points.compareTo(criterion.maxPoints) > 0) {
            throw Refusal.unprocessable("points-out-of-range", "sheet.points.range", criterion.code,
                    points.toPlainString(), criterion.maxPoints.stripTrailingZeros().toPlainString());
        }
        if (points.stripTrailingZeros().scale() > 2) {
            throw Refusal.unprocessable("points-precision", "sheet.points.precision", criterion.code);
        }
    }

    /** The Board confirms the value before it (peer mean, else self) or explains why it differs. */
    static void requireExplanationIfAdjusted(Criterion criterion, BigDecimal before, BigDecimal points, String explanation) {
        boolean adjusted = before == null || before.compareTo(points) != 0;
        if (adjusted && (explanation == null || explanation.isBlank())) {
            throw Refusal.unprocessable("explanation-required", "sheet.board.explanation-required", criterion.code,
                    before == null ? "—" : before.stripTrailingZeros().toPlainString(), points.stripTrailingZeros().toPlainString());
        }
    }
}
