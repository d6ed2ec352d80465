package vn.thidua.awards.cash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.ProblemException;

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
        ProblemException problem = assertThrows(ProblemException.class, () -> new BaseSalaryRequest(new BigDecimal("2340000.5"), " ", "X").check());
        assertEquals(422, problem.status());
        assertEquals(List.of("amount", "legalBasis", "tag"), problem.errors().stream().map(ProblemException.FieldProblem::field).toList());
        for (String amount : List.of("0", "-2340000", "0.5", "1000000001")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> new BaseSalaryRequest(new BigDecimal(amount), "x", null).check(),
                    amount);
            assertEquals(List.of("amount"), refused.errors().stream().map(ProblemException.FieldProblem::field).toList(), amount);
        }
        assertEquals(List.of("amount", "legalBasis"), assertThrows(ProblemException.class, () -> new BaseSalaryRequest(null, null, null).check())
                .errors().stream().map(ProblemException.FieldProblem::field).toList());
    }
}
