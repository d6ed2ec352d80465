package vn.thidua.platform.web;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextPolicyTest {
    // from the seed story (docs: /work/shared/seed-story.md), with its punctuation
    private static final List<String> REAL_TEXTS = List.of(
            "Chiều 14-12, Tại Liên đoàn Lao động (LĐLĐ) tỉnh, cụm thi đua số 7 (gồm: UB MTTQ tỉnh, Liên đoàn Lao động, Hội Nông dân, "
                    + "Hội Liên hiệp Phụ nữ, Hội Cựu Chiến Binh,  và Tỉnh đoàn Thanh Niên) đã tổ chức hội nghị tổng kết.",
            "Nguyễn Quốc Tuấn - Tỉnh ủy viên, PGĐ Sở Nội vụ, Trưởng ban Thi đua khen thưởng tỉnh Thanh Hóa",
            "Mô hình 'Phụ nữ giúp nhau phát triển kinh tế'; vượt 120% kế hoạch",
            "Hội \"Phụ nữ\"; Đoàn 'Thanh niên' and 'Cựu chiến binh'",
            "Quyết định số 101/QĐ-UBND ngày 20/01/2017 \"về việc tặng Cờ thi đua\"",
            "Điểm < 50 thì xếp loại C; điểm >= 90 thì xếp loại A",
            "Dòng một\nDòng hai\tcó tab",
            "https://thidua.example/minh-chung/000.00.31.H56/bao-cao.pdf",
            "O'Brien and the Gold award",
            "ภาษาไทย ที่ถูกต้อง", "Ελληνικά", "中文名称");

    @Test
    void realVietnameseTextPassesAndIsKeptInNfc() {
        REAL_TEXTS.forEach(text -> assertNull(TextPolicy.violation(text), text));
        String decomposed = Normalizer.normalize("Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa", Normalizer.Form.NFD);
        assertNull(TextPolicy.violation(decomposed));
        assertEquals("Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa", TextPolicy.normalize(decomposed));
    }

    @Test
    void hostileTextIsRefusedWithItsReason() {
        assertEquals(TextPolicy.Violation.TOO_LONG, TextPolicy.violation("a".repeat(TextPolicy.MAX_LENGTH + 1)));
        assertNull(TextPolicy.violation("ữ".repeat(TextPolicy.MAX_LENGTH)));
        assertEquals(TextPolicy.Violation.BROKEN_UNICODE, TextPolicy.violation("a\ud800b"));
        assertEquals(TextPolicy.Violation.BROKEN_UNICODE, TextPolicy.violation("a\udc00"));
        assertNull(TextPolicy.violation("emoji \uD83C\uDFC5 huy chương"));
        for (String hidden : List.of("a\u0000b", "a\u0007", "\u001B[31m", "a\u0085b", "a\u202Eb", "a\u2066b", "a\u200Fb", "a\uFEFFb")) {
            assertEquals(TextPolicy.Violation.HIDDEN_CHARACTERS, TextPolicy.violation(hidden), hidden);
        }
        assertEquals(TextPolicy.Violation.STACKED_MARKS, TextPolicy.violation("Nguyễn" + "\u0301\u0300\u0303\u0309\u0323"));
        for (String markup : List.of("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<svg/onload=alert(1)>", "x <!-- y -->",
                "</b>", "<?xml")) {
            assertEquals(TextPolicy.Violation.MARKUP, TextPolicy.violation(markup), markup);
        }
        for (String sql : List.of("'; DROP TABLE unit; --", "' OR '1'='1", "\" or 1=1", "x' UNION SELECT password FROM account",
                "1; DELETE FROM proposal", "a /* b */", "tên -- chú thích")) {
            assertEquals(TextPolicy.Violation.SQL, TextPolicy.violation(sql), sql);
        }
    }

    @Test
    void invisibleFormatAndTagCharactersAreRefusedEverywhereAndBlankRenderingOnesInNames() {
        // word joiner, invisible separator, tag letters (a hidden "HI"), interlinear annotation, Mongolian vowel separator
        for (String hidden : List.of("a\u2060b", "a\u2063b", "Hội\uDB40\uDC48\uDB40\uDC49", "a\uFFF9b", "a\u180Eb", "a\u00ADb\u2061")) {
            assertEquals(TextPolicy.Violation.HIDDEN_CHARACTERS, TextPolicy.violation(hidden), hidden);
        }
        // ordinary text may carry a soft hyphen (pasted from a word processor) and the joiners of emoji sequences
        for (String ordinary : List.of("Thi\u00ADđua", "gia đình \uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67")) {
            assertNull(TextPolicy.violation(ordinary), ordinary);
        }
        // a name may not: "Hội Nông dân" and "Hội Nông\u00ADdân" look the same
        for (String lookalike : List.of("Hội Nông\u00ADdân", "Hội\u200D Nông dân", "Hội\u200C", "Đoàn\uFE0F", "Hội\u3164Nông", "Hội\u034F")) {
            assertEquals(TextPolicy.Violation.HIDDEN_CHARACTERS, TextPolicy.nameViolation(lookalike), lookalike);
        }
        REAL_TEXTS.forEach(text -> assertNull(TextPolicy.nameViolation(text), text));
        Refusal refused = assertThrows(Refusal.class, () -> Text.name("Hội Nông\u00ADdân", 300, "name", true));
        assertEquals("problem.field.hidden-characters", refused.messageKey());
        assertEquals("Thi\u00ADđua", Text.clean("Thi\u00ADđua", 300, "reason", true));
    }

    record Target(String name, BigDecimal planned) {
    }

    record Registration(List<Target> targets) {
    }

    @Test
    void theJsonModuleRefusesWithThePathOfTheFieldAndNormalises() throws Exception {
        ObjectMapper mapper = new ObjectMapper().registerModule(JsonInputPolicy.module());
        JsonInputPolicy.RefusedValue refused = assertThrows(JsonInputPolicy.RefusedValue.class,
                () -> mapper.readValue("{\"targets\":[{\"name\":\"<b>x</b>\",\"planned\":1}]}", Registration.class));
        assertEquals("problem.field.markup", refused.messageKey());
        assertEquals(List.of("targets", "0", "name"), refused.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : Integer.toString(r.getIndex())).toList());
        assertEquals("problem.field.number-too-large", assertThrows(JsonInputPolicy.RefusedValue.class,
                () -> mapper.readValue("{\"targets\":[{\"name\":\"x\",\"planned\":1e309}]}", Registration.class)).messageKey());
        assertEquals("problem.field.too-many-decimals", assertThrows(JsonInputPolicy.RefusedValue.class,
                () -> mapper.readValue("{\"targets\":[{\"name\":\"x\",\"planned\":1e-400}]}", Registration.class)).messageKey());
        assertEquals("problem.field.hidden-characters", assertThrows(JsonInputPolicy.RefusedValue.class,
                () -> mapper.readValue("{\"LEAD\":{\"000.00.31.H56\\u0000\":\"FOR\"}}", new TypeReference<Map<String, Map<String, String>>>() { })).messageKey());
        String decomposed = Normalizer.normalize("Hội viên", Normalizer.Form.NFD);
        Registration read = mapper.readValue("{\"targets\":[{\"name\":\"" + decomposed + "\",\"planned\":999999999999.99}]}", Registration.class);
        assertEquals("Hội viên", read.targets().get(0).name());
    }
}
