package vn.thidua.units.unit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnitTextTest {

    @Test
    void foldingRemovesCaseAndDiacriticsIncludingDStroke() {
        assertEquals("hoi nong dan tinh thanh hoa", UnitText.fold("Hội Nông dân tỉnh  Thanh Hóa"));
        assertEquals("doan thanh nien", UnitText.fold("ĐOÀN THANH NIÊN"));
        assertEquals(List.of("hoi", "nong", "dan"), UnitText.queryWords("  Hội nông DÂN "));
        assertEquals(List.of(), UnitText.queryWords("   "));
    }

    @Test
    void sortKeysOrderNamesTheVietnameseWay() {
        List<String> names = new ArrayList<>(List.of("Đội", "Dân", "Ân", "Anh", "Ăn", "Bình", "Ấm", "An"));
        names.sort(Comparator.comparing(UnitText::sortKey, Arrays::compareUnsigned));
        // a < ă < â < b … d < đ, and tones come after the bare letter
        assertEquals(List.of("An", "Anh", "Ăn", "Ấm", "Ân", "Bình", "Dân", "Đội"), names);
        assertTrue(Arrays.compareUnsigned(UnitText.sortKey("Hà"), UnitText.sortKey("Hạ")) < 0);
    }

    @Test
    void theSearchTextCoversNameShortNameAndCode() {
        String text = UnitText.searchText("000.00.33.H56", "Hội Nông dân tỉnh Thanh Hóa", "HND");
        assertTrue(text.contains("hoi nong dan"));
        assertTrue(text.contains("hnd"));
        assertTrue(text.contains("000.00.33.h56"));
    }
}
