package vn.thidua.units.cluster;

import java.util.Locale;
import java.util.regex.Pattern;
import vn.thidua.platform.domain.Refusal;

/**
 * The Board's short code of a cluster or block, such as {@code CUM-07} or {@code KHOI-03}: the same
 * code year after year, unique within a year. Letters A–Z, digits, and single dashes or dots between them.
 */
public record ClusterCode(String value) {
    public static final int MAX_LENGTH = 20;
    private static final Pattern FORM = Pattern.compile("[0-9A-Z]+([-.][0-9A-Z]+)*");

    public ClusterCode {
        if (value == null || value.length() > MAX_LENGTH || !FORM.matcher(value).matches()) {
            throw Refusal.invalid("invalid-cluster-code", "cluster.code.invalid", String.valueOf(value), MAX_LENGTH);
        }
    }

    /** Reads a code as people type it: surrounding blanks and lower-case letters are forgiven. */
    public static ClusterCode parse(String raw) {
        return new ClusterCode(raw == null ? null : raw.strip().toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
