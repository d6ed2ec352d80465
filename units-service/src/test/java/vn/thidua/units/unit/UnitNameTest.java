package vn.thidua.units.unit;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class UnitNameTest {

    @Test
    void storesTheSameNameWhateverTheKeyboardProduced() {
        String precomposed = "Hội Nông dân tỉnh Thanh Hóa";
        String decomposed = Normalizer.normalize(precomposed, Normalizer.Form.NFD);
        assertEquals(precomposed, UnitName.parse(decomposed).value());
        assertEquals(precomposed, UnitName.parse("  Hội   Nông dân tỉnh\tThanh Hóa ").value());
    }

    @Test
    void refusesBlankTooLongAndHiddenCharacters() {
        assertThrows(Refusal.class, () -> UnitName.parse(null));
        assertThrows(Refusal.class, () -> UnitName.parse("   "));
        assertThrows(Refusal.class, () -> UnitName.parse("a".repeat(UnitName.MAX_LENGTH + 1)));
        assertEquals(UnitName.MAX_LENGTH, UnitName.parse("a".repeat(UnitName.MAX_LENGTH)).value().length());
        assertThrows(Refusal.class, () -> UnitName.parse("Hội\u0000Nông dân"));
        assertThrows(Refusal.class, () -> UnitName.parse("Hội \u202Enâd gnôN"));
    }
}
