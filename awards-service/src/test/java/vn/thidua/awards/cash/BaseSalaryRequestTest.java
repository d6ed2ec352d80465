package vn.thidua.awards.cash;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class BaseSalaryRequestTest {

    @Test
    void aWholePositiveAmountAndACleanedLegalBasis() {
        BaseSalaryRequest.Checked checked = new BaseSalaryRequest(new BigDecimal("2530000.00"), "  Nghị định   161/2026/NĐ-CP ", "V2").check();
        assertEquals(2_530_000, checked.amount());
        assertEquals("Nghị định 161/2026/NĐ-CP", checked.legalBasis());
        assertEquals("V2", checked.tag());
        assertEquals(BaseSalaryRequest.MAX_AMOUNT, new BaseSalaryRequest(BigDecimal.valueOf(BaseSalaryRequest.MAX_AMOUNT), "x", null).check().amount());
    }

    @Test
    void everyBadFieldIsListed() {
        Refusal problem = assertThrows(Refusal.class, () -> new BaseSalaryRequest(new BigDecimal("2340000.5"), " ", "X").check());
        assertEquals(Refusal.Nature.RULE, problem.nature());
        assertEquals(List.of("amount", "legalBasis", "tag"), problem.reasons().stream().map(Refusal.Reason::field).toList());
        for (String amount : List.of("0", "-2340000", "0.5", "1000000001")) {
            Refusal refused = assertThrows(Refusal.class, () -> new BaseSalaryRequest(new BigDecimal(amount), "x", null).check(),
                    amount);
            assertEquals(List.of("amount"), refused.reasons().stream().map(Refusal.Reason::field).toList(), amount);
        }
        assertEquals(List.of("amount", "legalBasis"), assertThrows(Refusal.class, () -> new BaseSalaryRequest(null, null, null).check())
                .reasons().stream().map(Refusal.Reason::field).toList());
    }
}
