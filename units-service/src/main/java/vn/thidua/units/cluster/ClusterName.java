package vn.thidua.units.cluster;

import java.text.Normalizer;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.TextPolicy;

/** A cluster's Vietnamese name, e.g. "Cụm thi đua số 7", kept in Unicode NFC with white space folded. */
public record ClusterName(String value) {
    public static final int MAX_LENGTH = 300;

    public ClusterName {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw Refusal.invalid("invalid-cluster-name", "cluster.name.invalid", MAX_LENGTH);
        }
    }

    public static ClusterName parse(String raw) {
        if (raw == null) {
            return new ClusterName(null);
        }
        // control, reordering and invisible characters, and none that shows as nothing, so that two names that look the same are the same
        if (TextPolicy.nameViolation(raw) == TextPolicy.Violation.HIDDEN_CHARACTERS) {
            throw Refusal.invalid("invalid-cluster-name", "cluster.name.control-characters");
        }
        return new ClusterName(Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " "));
    }

    /** Control characters (other than white space, which is folded) and bidirectional overrides hide or reorder text (in names and in other free text of a cluster-year). */
    static boolean isForbidden(int codePoint) {
        return (Character.isISOControl(codePoint) && !Character.isWhitespace(codePoint))
                || (codePoint >= 0x202A && codePoint <= 0x202E)
                || (codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
