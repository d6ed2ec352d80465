package vn.thidua.awards.cash;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The cash an award pays (Decree 152/2025 Arts 49–54): the base salary in force on the decision date
 * × the award's multiple, rounded up to the next 10,000 VND. Exact decimal arithmetic: a multiple such
 * as 1.5 or 0.8 in binary floating point would land a few đồng off and round up a step too far.
 *
 * @param baseSalary VND a month
 * @param multiple   as the rule set states it
 * @param amount     VND, a multiple of {@link #STEP}
 */
public record CashAmount(long baseSalary, BigDecimal multiple, long amount) {
    public static final long STEP = 10_000;
    private static final BigDecimal STEP_DECIMAL = BigDecimal.valueOf(STEP);

    public CashAmount {
        requireFactors(baseSalary, multiple);
        if (amount % STEP != 0) {
            throw new IllegalArgumentException("an amount in steps of " + STEP + ", not " + amount);
        }
    }

    /** {@code baseSalary × multiple}, rounded up to the next 10,000. */
    public static CashAmount of(long baseSalary, BigDecimal multiple) {
        requireFactors(baseSalary, multiple);
        BigDecimal exact = BigDecimal.valueOf(baseSalary).multiply(multiple);
        long amount = exact.divide(STEP_DECIMAL, 0, RoundingMode.CEILING).multiply(STEP_DECIMAL).longValueExact();
        return new CashAmount(baseSalary, multiple, amount);
    }

    /** The amount when both are known; empty when the rule set gives no multiple or no base salary was in force. */
    public static Optional<CashAmount> of(Optional<Long> baseSalary, BigDecimal multiple) {
        return multiple == null ? Optional.empty() : baseSalary.map(base -> of(base, multiple));
    }

    private static void requireFactors(long baseSalary, BigDecimal multiple) {
        if (baseSalary <= 0 || multiple == null || multiple.signum() < 0) {
            throw new IllegalArgumentException("a positive base salary and a non-negative multiple, not " + baseSalary + " × " + multiple);
        }
    }
}
