package vn.thidua.platform.web;

import java.text.Normalizer;
import vn.thidua.platform.domain.Refusal;

/**
 * Hygiene for every free-text field people type: Unicode NFC (so the same Vietnamese word typed
 * on different keyboards is the same string), white space folded, and no control characters or
 * bidirectional overrides, which can hide or reorder text on screen, nor anything else
 * {@link TextPolicy} refuses.
 */
public final class Text {
    private Text() {
    }

    /** The cleaned text, or {@code null} when the field is absent or blank and not required. */
    public static String clean(String raw, int maxLength, String field, boolean required) {
        return cleaned(raw, maxLength, field, required, false);
    }

    /**
     * A cleaned name (of a unit, a cluster, a person, an account, a file), or {@code null} when absent
     * and not required: as {@link #clean}, and without the characters that show as nothing, so two
     * names that look the same are the same ({@link TextPolicy#nameViolation}).
     */
    public static String name(String raw, int maxLength, String field, boolean required) {
        return cleaned(raw, maxLength, field, required, true);
    }

    private static String cleaned(String raw, int maxLength, String field, boolean required, boolean isName) {
        if (raw == null || raw.isBlank()) {
            if (required) {
                throw invalid(field, "problem.field.required");
            }
            return null;
        }
        // the same policy as for every JSON text, for what comes another way (headers, spreadsheet cells)
        TextPolicy.Violation violation = isName ? TextPolicy.nameViolation(raw) : TextPolicy.violation(raw);
        if (violation != null && violation != TextPolicy.Violation.TOO_LONG) {
            throw invalid(field, violation.messageKey());
        }
        String cleaned = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (cleaned.codePointCount(0, cleaned.length()) > maxLength) {
            throw Refusal.invalid("invalid-field", "problem.field.too-long", field, maxLength);
        }
        return cleaned;
    }

    /**
     * Whether the text holds a control character (NUL and the other C0 controls, DEL, C1), which no
     * one types into a URL, a login form or a header value; tab and line breaks count too.
     */
    public static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(Character::isISOControl);
    }

    private static Refusal invalid(String field, String reasonKey) {
        return Refusal.invalid("invalid-field", reasonKey, field);
    }
}
