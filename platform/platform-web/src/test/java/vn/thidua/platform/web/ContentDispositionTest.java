package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {
    /** RFC 6266: a type, then exactly a quoted filename and an ext-value filename*, nothing else. */
    private static final Pattern WELL_FORMED =
            Pattern.compile("(attachment|inline); filename=\"([\\x20-\\x7E&&[^\"\\\\]]*)\"; filename\\*=UTF-8''([A-Za-z0-9!#$&+\\-.^_`|~%]*)");

    @Test
    void aVietnameseNameHasAnAsciiFallbackAndAnEncodedOriginal() {
        String header = ContentDisposition.attachment("Báo cáo thành tích Đoàn.pdf");
        assertEquals("attachment; filename=\"Bao cao thanh tich Doan.pdf\"; filename*=UTF-8''B%C3%A1o%20c%C3%A1o%20th%C3%A0nh%20t%C3%ADch%20%C4%90o%C3%A0n.pdf",
                header);
        assertTrue(WELL_FORMED.matcher(header).matches());
    }

    @Test
    void aCraftedNameCannotAddAParameter() {
        for (String crafted : new String[] {
            "a.pdf\"; filename*=UTF-8''evil.exe",
            "a.pdf\\\"; filename*=UTF-8''evil.exe",
            "a.pdf; filename*=UTF-8''evil.exe",
            "a.pdf\r\nSet-Cookie: x=1",
            "a%22.pdf",
            "../../a.pdf",
            "\"",
            ""}) {
            String header = ContentDisposition.inline(crafted);
            Matcher matcher = WELL_FORMED.matcher(header);
            assertTrue(matcher.matches(), header);
            assertEquals(1, header.split("filename\\*=", -1).length - 1, header);
            assertFalse(header.contains("\r") || header.contains("\n"), header);
            assertFalse(matcher.group(3).contains("'") || matcher.group(3).contains(";"), header);
        }
    }

    @Test
    void directoriesNeverReachTheHeader() {
        assertEquals("attachment; filename=\"p2.pdf\"; filename*=UTF-8''p2.pdf", ContentDisposition.attachment("../../../../p2.pdf"));
    }
}
