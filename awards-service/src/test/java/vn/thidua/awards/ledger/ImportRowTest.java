package vn.thidua.awards.ledger;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.SheetFile;

class ImportRowTest {
    static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    static SheetFile.Row row(String... keyValues) {
        Map<String, String> values = new HashMap<>(Map.of("unit_code", "000.00.32.H56", "award_type_code", "CO_THI_DUA_TINH", "year", "2016",
                "decision_number", "123/QĐ-UBND", "decision_date", "2017-01-20", "deciding_authority", "Chủ tịch UBND tỉnh"));
        for (int i = 0; i < keyValues.length; i += 2) {
            values.put(keyValues[i], keyValues[i + 1]);
        }
        return new SheetFile.Row(7, values);
    }

    @Test
    void aGoodRowIsReadForgivingCaseBlanksAndTheVietnameseDateOrder() {
        ImportRow parsed = ImportRow.parse(row("unit_code", " 000.00.32.h56", "award_type_code", "co_thi_dua_tinh", "decision_date", "5/1/2017",
                "deciding_authority", "Chủ tịch  UBND tỉnh "), TODAY);
        assertEquals(new ImportRow(7, "000.00.32.H56", "CO_THI_DUA_TINH", 2016, "123/QĐ-UBND", LocalDate.of(2017, 1, 5), "Chủ tịch UBND tỉnh"),
                parsed);
        assertEquals(LocalDate.of(2017, 1, 20), ImportRow.parse(row("decision_date", "20/01/2017"), TODAY).decisionDate());
        assertEquals(LocalDate.of(2017, 1, 20), ImportRow.parse(row(), TODAY).decisionDate());
        assertEquals(1945, ImportRow.parse(row("year", "1945", "decision_date", "1945-12-01"), TODAY).year());
    }

    @Test
    void eachKindOfBadRowHasItsOwnProblem() {
        for (String column : ImportRow.COLUMNS) {
            assertProblem("invalid-field", row(column, null));
        }
        assertProblem("invalid-unit-code", row("unit_code", "000 00 32"));
        assertProblem("invalid-year", row("year", "2016.5"));
        assertProblem("invalid-year", row("year", "1944"));
        assertProblem("invalid-year", row("year", "2025"));
        assertProblem("invalid-date", row("decision_date", "31/02/2017"));
        assertProblem("invalid-date", row("decision_date", "2017-1-20"));
        assertProblem("invalid-date", row("decision_date", "01/20/2017"));
        assertProblem("decision-date-in-future", row("decision_date", "2024-06-02"));
        assertProblem("decision-date-before-year", row("decision_date", "2015-12-31"));
        assertProblem("invalid-field", row("decision_number", "x".repeat(101)));
        assertProblem("invalid-field", row("deciding_authority", "Chủ tịch\u0000"));
    }

    private static void assertProblem(String type, SheetFile.Row row) {
        Refusal problem = assertThrows(Refusal.class, () -> ImportRow.parse(row, TODAY));
        assertEquals(type, problem.type(), problem.getMessage());
    }
}
