package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class VersionsTest {

    @Test
    void readsTheVersionFromStrongAndWeakEtags() {
        assertEquals(3, Versions.required("\"3\""));
        assertEquals(3, Versions.required("W/\"3\""));
        assertEquals(12, Versions.required(" 12 "));
    }

    @Test
    void refusesMissingAndForeignEtags() {
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.required(null)).status());
        assertEquals(428, assertThrows(ProblemException.class, () -> Versions.required(" ")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Versions.required("\"abc\"")).status());
        assertEquals(400, assertThrows(ProblemException.class, () -> Versions.required("*")).status());
    }

    @Test
    void aStaleVersionIs412() {
        assertDoesNotThrow(() -> Versions.requireCurrent(4, 4));
        assertEquals(412, assertThrows(ProblemException.class, () -> Versions.requireCurrent(3, 4)).status());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"3\"", "W/\"3\"", "*", " \"1\", \"3\" ", "3", "", "  "})
    void anOptionalIfMatchAcceptsTheCurrentVersionAnyOrNone(String header) {
        assertDoesNotThrow(() -> Versions.requireMatch(header, 3));
        assertDoesNotThrow(() -> Versions.requireMatch(null, 3));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"\"2\"", "\"4\"", "W/\"2\", \"30\"", "\"\"", "garbage"})
    void anOptionalIfMatchNamingAnotherVersionIs412(String header) {
        ProblemException problem = assertThrows(ProblemException.class, () -> Versions.requireMatch(header, 3));
        assertEquals(412, problem.status());
        assertEquals("stale-version", problem.type());
    }
}
