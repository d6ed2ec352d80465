package vn.thidua.awards.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Decree 152/2025 Arts 49–54: base salary × multiple, rounded up to the next 10,000 VND (law-2025.md §3). */
class CashAmountTest {
    private static final long BASE_2026 = 2_530_000;
    private static final long BASE_2024 = 2_340_000;

    @Test
    void theTableOfTheLawAt2530000() {
        assertEquals(30_360_000, amount(BASE_2026, "12.0"), "Government flag");
        assertEquals(20_240_000, amount(BASE_2026, "8.0"), "provincial flag");
        assertEquals(3_800_000, amount(BASE_2026, "1.5"), "TTLĐXS: 3,795,000 rounded up");
        assertEquals(2_030_000, amount(BASE_2026, "0.8"), "TTLĐTT: 2,024,000 rounded up");
        assertEquals(17_710_000, amount(BASE_2026, "7.0"), "Prime Minister's certificate");
        assertEquals(7_590_000, amount(BASE_2026, "3.0"), "provincial certificate");
        assertEquals(1_520_000, amount(BASE_2026, "0.6"), "giấy khen: 1,518,000 rounded up");
    }

    @Test
    void anExactMultipleOfTenThousandStays() {
        assertEquals(28_080_000, amount(BASE_2024, "12"));
        assertEquals(3_510_000, amount(BASE_2024, "1.5"));
        assertEquals(10_000, amount(10_000, "1.00"));
        assertEquals(0, amount(BASE_2026, "0"));
    }

    @Test
    void oneDongOverGoesUpAWholeStep() {
        assertEquals(20_000, amount(10_001, "1"));
        assertEquals(10_000, amount(10_000, "0.99"), "9,900");
    }

    @Test
    void exactDecimalsNeverRoundUpAStepTooFar() {
        // 1,800,000 × 1.1 in doubles is 1,980,000.0000000002, which would round up to 1,990,000
        assertEquals(1_980_000, amount(1_800_000, "1.1"));
    }

    @Test
    void factorsAreKeptBesideTheAmount() {
        CashAmount cash = CashAmount.of(BASE_2026, new BigDecimal("1.50"));
        assertEquals(BASE_2026, cash.baseSalary());
        assertEquals(0, new BigDecimal("1.5").compareTo(cash.multiple()));
    }

    @Test
    void nothingWithoutAMultipleOrABaseSalary() {
        assertTrue(CashAmount.of(Optional.empty(), new BigDecimal("1.5")).isEmpty());
        assertTrue(CashAmount.of(Optional.of(BASE_2026), null).isEmpty());
        assertEquals(3_800_000, CashAmount.of(Optional.of(BASE_2026), new BigDecimal("1.5")).orElseThrow().amount());
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CashAmount.of(0, BigDecimal.ONE));
        assertThrows(IllegalArgumentException.class, () -> CashAmount.of(BASE_2026, new BigDecimal("-1")));
        assertThrows(IllegalArgumentException.class, () -> new CashAmount(BASE_2026, BigDecimal.ONE, 2_535_000));
    }

    private static long amount(long baseSalary, String multiple) {
        return CashAmount.of(baseSalary, new BigDecimal(multiple)).amount();
    }
}
