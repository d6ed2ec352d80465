package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class UrlInputPolicyTest {
    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0001", "a\tb", "a\nb", "a\rb", "\u001F", "\u007F", "\u0085"})
    void controlCharactersAreFound(String text) {
        assertTrue(Text.hasControlCharacter(text));
    }

    @Test
    void vietnameseAndPunctuationAreNotControlCharacters() {
        assertFalse(Text.hasControlCharacter("Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa 000.00.31.H56 (cụm 7) & 100%"));
        assertNull(UrlInputPolicy.refusalOf(List.of("api", "units", "000.00.31.H56"), Map.of("q", List.of("Phụ nữ"), "page", List.of("0"))));
    }

    @Test
    void aPathSegmentWithNulIsRefused() {
        ProblemException refused = UrlInputPolicy.refusalOf(List.of("admin", "accounts", "a\u0000b"), Map.of());
        assertEquals(400, refused.status());
        assertEquals("invalid-request", refused.type());
        assertEquals("Đường dẫn của yêu cầu chứa ký tự điều khiển (như NUL); ký tự này không được chấp nhận.",
                Messages.text(Messages.VIETNAMESE, refused.messageKey(), refused.args()));
    }

    @Test
    void aQueryParameterIsNamedWithoutRepeatingItsControlCharacters() {
        ProblemException byValue = UrlInputPolicy.refusalOf(List.of("api", "units"), Map.of("q", List.of("ok", "a\u0000b")));
        assertEquals("Query parameter \"q\" contains a control character (such as NUL), which is not accepted.",
                Messages.text(Messages.ENGLISH, byValue.messageKey(), byValue.args()));
        ProblemException byName = UrlInputPolicy.refusalOf(List.of("api", "units"), Map.of("q\u0000", List.of("a")));
        assertEquals("invalid-request", byName.type());
        assertEquals("q\uFFFD", byName.args()[0]);
    }

    @Test
    void aHeaderWithAControlCharacterIsRefusedButATabIsNot() {
        assertNull(UrlInputPolicy.headerRefusalOf(Map.of("X-File-Name", List.of("Báo cáo thành tích.pdf"), "User-Agent", List.of("a\tb"))));
        ProblemException refused = UrlInputPolicy.headerRefusalOf(Map.of("X-File-Name", List.of("bao-cao\u0000.pdf")));
        assertEquals(400, refused.status());
        assertEquals("Request header \"X-File-Name\" contains a control character (such as NUL), which is not accepted.",
                Messages.text(Messages.ENGLISH, refused.messageKey(), refused.args()));
        assertEquals("invalid-request", UrlInputPolicy.headerRefusalOf(Map.of("X-Note", List.of("a\u001Bb"))).type());
    }
}
