package vn.thidua.units.unit;

import java.text.Normalizer;
import vn.thidua.platform.web.ProblemException;

/**
 * A unit's Vietnamese name, stored in Unicode NFC so that the same name typed on different
 * keyboards (precomposed or combining diacritics) is the same string.
 */
public record UnitName(String value) {
    public static final int MAX_LENGTH = 300;

    public UnitName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw ProblemException.badRequest("invalid-unit-name", "unit.name.invalid", MAX_LENGTH);
        }
        if (!value.equals(normalize(value))) {
            throw new IllegalArgumentException("Use UnitName.parse for raw input");
        }
    }

    public static UnitName parse(String raw) {
        if (raw == null) {
            return new UnitName(null);
        }
        if (raw.codePoints().anyMatch(UnitName::isForbidden)) {
            throw ProblemException.badRequest("invalid-unit-name", "unit.name.control-characters");
        }
        return new UnitName(normalize(raw));
    }

    private static String normalize(String raw) {
        return Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
    }

    /** Control characters (other than white space, which is folded) and bidirectional overrides hide or reorder text on screen. */
    private static boolean isForbidden(int codePoint) {
        return (Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint))
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
