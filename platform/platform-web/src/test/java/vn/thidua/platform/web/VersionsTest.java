package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;

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
        assertEquals(412, ProblemException.statusOf(assertThrows(Refusal.class, () -> Versions.requireCurrent(3, 4)).nature()));
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
        Refusal problem = assertThrows(Refusal.class, () -> Versions.requireMatch(header, 3));
        assertEquals(412, ProblemException.statusOf(problem.nature()));
        assertEquals("stale-version", problem.type());
    }

    @Test
    void aReplacementNeedsOneVersionOfOursNamed() {
        assertEquals(Refusal.Nature.VERSION_REQUIRED, assertThrows(Refusal.class, () -> Versions.expected(null).requireNamed()).nature());
        for (String notOne : new String[] {"*", "\"1\", \"2\"", "garbage"}) {
            Refusal refused = assertThrows(Refusal.class, () -> Versions.expected(notOne).requireNamed(), notOne);
            assertEquals("invalid-if-match", refused.type(), notOne);
        }
        assertDoesNotThrow(() -> Versions.expected("W/\"3\"").requireNamed());
        Refusal stale = assertThrows(Refusal.class, () -> Versions.requiredVersion("\"2\"").requireMatches(3));
        assertEquals(List.of(2L, 3L), List.of(stale.args()));
    }
}
