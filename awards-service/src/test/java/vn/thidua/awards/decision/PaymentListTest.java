package vn.thidua.awards.decision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.Table;

class PaymentListTest {

    @Test
    void oneLinePerUnitAndTheTotalOfTheAwardsThatStand() {
        DecisionView decision = decision(List.of(unit("A", 3_800_000L, null, false), unit("B", 3_800_000L, null, false),
                unit("C", 3_800_000L, "Khen thưởng đã bị hủy bỏ", true)));
        assertEquals(7_600_000L, decision.totalCash());
        Table table = PaymentList.of(decision);
        assertEquals(List.of("DANH SÁCH CHI TRẢ TIỀN THƯỞNG", "(Kèm theo Quyết định số 12/QĐ-UBND ngày 15/07/2026 của Chủ tịch UBND tỉnh)",
                "Hình thức khen thưởng: Tập thể lao động xuất sắc năm 2025"), table.titleLines());
        assertEquals(4, table.rows().size());
        assertEquals(List.of(1, "A", "Đơn vị A", "Tập thể lao động xuất sắc", 2025, "12/QĐ-UBND", "15/07/2026", "Chủ tịch UBND tỉnh", 2_530_000L,
                new BigDecimal("1.50"), 3_800_000L, ""), table.rows().get(0));
        List<Object> total = table.rows().get(3);
        assertEquals("Tổng cộng", total.get(1));
        assertEquals(7_600_000L, total.get(10));
        assertEquals("", total.get(11));
    }

    @Test
    void noTotalWhileAnAwardThatStandsHasNoAmount() {
        DecisionView decision = decision(List.of(unit("A", 3_800_000L, null, false), unit("B", null, "Chưa có mức lương cơ sở", false)));
        assertNull(decision.totalCash());
        List<Object> total = PaymentList.of(decision).rows().get(2);
        assertEquals("", total.get(10));
        assertEquals("Chưa tính được tổng: 1 đơn vị chưa có số tiền thưởng", total.get(11));
    }

    @Test
    void anAwardToPersonsHasALinePerPersonNamedFirst() {
        DecisionView.UnitView mau = new DecisionView.UnitView("000.00.32.H56", "Liên đoàn Lao động tỉnh", 3, 2_530_000L, 2_530_000L,
                new BigDecimal("1.00"), null, false, java.util.UUID.randomUUID(), "Lê Thị Mẫu");
        DecisionView.UnitView unpaid = new DecisionView.UnitView("000.00.32.H56", "Liên đoàn Lao động tỉnh", 4, null, null, null,
                "Chưa có mức lương cơ sở", false, java.util.UUID.randomUUID(), "Đỗ Văn An");
        Table table = PaymentList.of(decision(List.of(mau, unpaid)));
        assertEquals(PaymentList.PERSON_HEADERS, table.headers());
        assertEquals(List.of(1, "Lê Thị Mẫu", "000.00.32.H56", "Liên đoàn Lao động tỉnh", "Tập thể lao động xuất sắc", 2025, "12/QĐ-UBND",
                "15/07/2026", "Chủ tịch UBND tỉnh", 2_530_000L, new BigDecimal("1.00"), 2_530_000L, ""), table.rows().get(0));
        List<Object> total = table.rows().get(2);
        assertEquals("Tổng cộng", total.get(1));
        assertEquals("", total.get(11));
        assertEquals("Chưa tính được tổng: 1 cá nhân chưa có số tiền thưởng", total.get(12));
    }

    @Test
    void theFileIsNamedByTheNumberInPlainAscii() {
        assertEquals("danh-sach-chi-tra-12-qd-ubnd.xlsx", PaymentList.fileName(decision(List.of()), "xlsx"));
        assertEquals("danh-sach-chi-tra-7.csv", PaymentList.fileName(withNumber("“”\"\r\n"), "csv"));
        assertEquals("danh-sach-chi-tra-so-1-2026-qd-ubnd-tinh-thanh-hoa.csv", PaymentList.fileName(withNumber("Số 1/2026/QĐ-UBND (tỉnh Thanh Hóa)"), "csv"));
    }

    private static DecisionView.UnitView unit(String code, Long amount, String note, boolean revoked) {
        return new DecisionView.UnitView(code, "Đơn vị " + code, 1, amount, amount == null ? null : 2_530_000L,
                amount == null ? null : new BigDecimal("1.50"), note, revoked);
    }

    private static DecisionView decision(List<DecisionView.UnitView> units) {
        return new DecisionView(7, "12/QĐ-UBND", LocalDate.of(2026, 7, 15), "Chủ tịch UBND tỉnh", "TTLDXS", "Tập thể lao động xuất sắc", 2025,
                units, DecisionView.totalCash(units), "board", Instant.EPOCH);
    }

    private static DecisionView withNumber(String number) {
        return new DecisionView(7, number, LocalDate.of(2026, 7, 15), "Chủ tịch UBND tỉnh", "TTLDXS", null, 2025, List.of(), 0L, "board",
                Instant.EPOCH);
    }
}
