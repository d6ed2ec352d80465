package vn.thidua.awards.unit;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.thidua.platform.domain.Refusal;

/**
 * The form of a unit's electronic identification code (mã định danh, Decision 20/2020/QĐ-TTg) as
 * awards-service accepts it from people and the portal: at most 35 digits, A–Z and dots, such as
 * {@code 000.00.32.H56}. Blanks around it and lower-case letters are forgiven.
 */
public final class UnitCodes {
    public static final int MAX_LENGTH = 35;
    private static final Pattern FORM = Pattern.compile("[0-9A-Z]+(\\.[0-9A-Z]+)*");

    private UnitCodes() {
    }

    /** The code in its canonical form; 400 {@code invalid-unit-code} when it is not one. */
    public static String parse(String raw) {
        String code = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (code.length() > MAX_LENGTH || !FORM.matcher(code).matches()) {
            throw Refusal.invalid("invalid-unit-code", "unit.code.invalid", String.valueOf(raw), MAX_LENGTH);
        }
        return code;
    }
}
