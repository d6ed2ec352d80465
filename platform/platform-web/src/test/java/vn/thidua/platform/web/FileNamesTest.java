package vn.thidua.platform.web;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void directoriesAreDroppedWhicheverSlashTheyUse() {
        assertEquals("p2.pdf", FileNames.safe("../../../../p2.pdf", "x"));
        assertEquals("p2.pdf", FileNames.safe("..\\..\\windows\\p2.pdf", "x"));
        assertEquals("p2.pdf", FileNames.safe("/etc/../p2.pdf", "x"));
        assertEquals("p2.pdf", FileNames.safe("C:\\Users\\a/b\\p2.pdf", "x"));
    }

    @Test
    void leadingDotsControlsAndInvisibleCharactersGo() {
        assertEquals("htaccess", FileNames.safe(".htaccess", "x"));
        assertEquals("x", FileNames.safe("..", "x"));
        assertEquals("x", FileNames.safe("../..", "x"));
        assertEquals("x", FileNames.safe("dir/", "x"));
        assertEquals("x", FileNames.safe(null, "x"));
        assertEquals("báo cáo.pdf", FileNames.safe("báo\u0000 cáo\r\n.pdf", "x").replace("  ", " "));
        assertEquals("bao-cao.pdf", FileNames.safe("bao-\u202Ecao\u200B.pdf", "x"));
        assertEquals("a.pdf", FileNames.safe("a\uDB40\uDC41.pdf", "x"));
    }

    @Test
    void vietnameseLettersStayAndComeOutComposed() {
        String decomposed = Normalizer.normalize("Báo cáo thành tích Đoàn.pdf", Normalizer.Form.NFD);
        String safe = FileNames.safe(decomposed, "x");
        assertEquals("Báo cáo thành tích Đoàn.pdf", safe);
        assertEquals(Normalizer.normalize(safe, Normalizer.Form.NFC), safe);
    }

    @Test
    void aLongNameKeepsItsExtension() {
        String safe = FileNames.safe("ả".repeat(400) + ".pdf", "x");
        assertEquals(FileNames.MAX_LENGTH, safe.codePointCount(0, safe.length()));
        assertEquals(".pdf", safe.substring(safe.length() - 4));
    }

    @Test
    void aHeaderNameIsHeldToTheTextPolicyFirst() {
        assertEquals("p2.pdf", FileNames.uploaded("../../../../p2.pdf", "X-File-Name", "x"));
        assertEquals("x", FileNames.uploaded(null, "X-File-Name", "x"));
        Refusal markup = assertThrows(Refusal.class,
                () -> FileNames.uploaded("<script>alert(1)</script>.pdf", "X-File-Name", "x"));
        assertEquals(Refusal.Nature.INVALID, markup.nature());
        assertEquals(Refusal.Nature.INVALID, assertThrows(Refusal.class, () -> FileNames.uploaded("a\u202Efdp.exe", "X-File-Name", "x")).nature());
    }
}
