package vn.thidua.units.unit;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.thidua.platform.domain.Refusal;

/**
 * The electronic identification code of an agency or organisation (mã định danh điện tử,
 * Decision 20/2020/QĐ-TTg): an opaque string of at most 35 characters, digits, A–Z and dots,
 * such as {@code 000.00.00.H56} for the Thanh Hóa Provincial People's Committee.
 */
public record UnitCode(String value) {
    public static final int MAX_LENGTH = 35;
    private static final Pattern FORM = Pattern.compile("[0-9A-Z]+(\\.[0-9A-Z]+)*");

    public UnitCode {
        if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw Refusal.invalid("invalid-unit-code", "unit.code.invalid", String.valueOf(value), MAX_LENGTH);
        }
    }

    /** Reads a code as people type it: surrounding blanks and lower-case letters are forgiven. */
    public static UnitCode parse(String raw) {
        return new UnitCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
