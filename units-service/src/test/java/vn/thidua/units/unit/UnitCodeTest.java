package vn.thidua.units.unit;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnitCodeTest {

    @Test
    void acceptsElectronicIdentificationCodes() {
        assertEquals("000.00.00.H56", UnitCode.parse("000.00.00.H56").value());
        assertEquals("000.00.31.H56", UnitCode.parse("  000.00.31.h56 ").value());
        assertEquals("0123456789", UnitCode.parse("0123456789").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".000", "000.", "000..00", "000 00", "000-00", "Đ56", "000.00.00.H56.000.00.00.H56.000.00.00"})
    void refusesAnythingElse(String raw) {
        Refusal problem = assertThrows(Refusal.class, () -> UnitCode.parse(raw));
        assertEquals(Refusal.Nature.INVALID, problem.nature());
        assertEquals("invalid-unit-code", problem.type());
    }

    @Test
    void refusesNull() {
        assertThrows(Refusal.class, () -> UnitCode.parse(null));
    }
}
