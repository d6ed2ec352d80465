package vn.thidua.platform.web;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void normalisesToNfcAndFoldsWhiteSpace() {
        String decomposed = Normalizer.normalize("Hội Liên hiệp Phụ nữ", Normalizer.Form.NFD);
        assertEquals("Hội Liên hiệp Phụ nữ", Text.clean("  " + decomposed.replace(" ", " \t "), 100, "name", true));
    }

    @Test
    void blankIsAbsentUnlessRequired() {
        assertNull(Text.clean("   ", 10, "shortName", false));
        assertNull(Text.clean(null, 10, "shortName", false));
        assertEquals("problem.field.required", assertThrows(Refusal.class, () -> Text.clean(" ", 10, "name", true)).messageKey());
    }

    @Test
    void refusesHiddenCharactersAndTooLongText() {
        assertThrows(Refusal.class, () -> Text.clean("a\u0000b", 10, "name", true));
        assertThrows(Refusal.class, () -> Text.clean("a\u202Eb", 10, "name", true));
        assertThrows(Refusal.class, () -> Text.clean("a\u2067b", 10, "name", true));
        assertEquals(10, Text.clean("ữ".repeat(10), 10, "name", true).length());
        assertThrows(Refusal.class, () -> Text.clean("ữ".repeat(11), 10, "name", true));
    }
}
