package vn.thidua.scoring.registration;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/**
 * How far a target is reached: achieved / planned when more is better, planned / achieved when
 * less is (reaching zero of a "lower is better" target counts as twice the plan, the most a
 * single target can score). 1 means exactly as registered; above 1, exceeded.
 */
public final class Attainment {
    static final BigDecimal MOST = BigDecimal.valueOf(2);
    private static final MathContext PRECISION = new MathContext(10, RoundingMode.HALF_UP);

    private Attainment() {
    }

    public static BigDecimal of(Direction direction, BigDecimal planned, BigDecimal achieved) {
        if (achieved == null) {
            return null;
        }
        BigDecimal ratio;
        if (direction == Direction.LOWER_IS_BETTER) {
            ratio = achieved.signum() == 0 ? MOST : planned.divide(achieved, PRECISION);
        } else {
            ratio = achieved.divide(planned, PRECISION);
        }
        return ratio.min(MOST).setScale(4, RoundingMode.HALF_UP);
    }

    /** A target's attainment with its weight. */
    public record Weighted(BigDecimal attainment, BigDecimal weight) {
    }

    /** The weighted mean of the targets that have a result; null when none has. */
    public static BigDecimal weightedMean(List<Weighted> targets) {
        BigDecimal weights = BigDecimal.ZERO;
        BigDecimal sum = BigDecimal.ZERO;
        for (Weighted target : targets) {
            if (target.attainment() != null) {
                weights = weights.add(target.weight());
                sum = sum.add(target.attainment().multiply(target.weight()));
            }
        }
        return weights.signum() == 0 ? null : sum.divide(weights, 4, RoundingMode.HALF_UP);
    }
}
