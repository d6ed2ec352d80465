package vn.thidua.units.cluster;

import java.util.Locale;
import vn.thidua.platform.domain.Refusal;

/** An emulation cluster (cụm thi đua: units of one area or level) or block (khối thi đua: units of like functions). */
public enum ClusterKind {
    CLUSTER, BLOCK;

    /** Reads {@code CLUSTER} or {@code BLOCK}, in any case; anything else is a 400 problem. */
    public static ClusterKind parse(String raw) {
        if (raw != null) {
            String value = raw.strip().toUpperCase(Locale.ROOT);
            for (ClusterKind kind : values()) {
                if (kind.name().equals(value)) {
                    return kind;
                }
            }
        }
        throw Refusal.invalid("invalid-cluster-kind", "cluster.kind.invalid", String.valueOf(raw));
    }
}
