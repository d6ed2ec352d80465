package vn.thidua.units.unit;

import vn.thidua.platform.web.Text;

/** A unit's Vietnamese name: required, NFC, at most {@value #MAX_LENGTH} characters, nothing hidden. */
public record UnitName(String value) {
    public static final int MAX_LENGTH = 300;

    public static UnitName parse(String raw) {
        return new UnitName(Text.name(raw, MAX_LENGTH, "name", true));
    }
}
