package vn.thidua.units.cluster;

import vn.thidua.platform.domain.Refusal;


/** The year a cluster-year covers, within a range no real emulation year leaves. */
public record EmulationYear(int value) {
    public static final int MIN = 2000;
    public static final int MAX = 2100;

    public EmulationYear {
        if (value < MIN || value > MAX) {
            throw Refusal.invalid("invalid-cluster-year", "cluster.year.invalid", String.valueOf(value), MIN, MAX);
        }
    }

    public static EmulationYear of(Integer value) {
        if (value == null) {
            throw Refusal.invalid("invalid-cluster-year", "cluster.year.invalid", "null", MIN, MAX);
        }
        return new EmulationYear(value);
    }

    /** Reads a query parameter; blank means "not given" and gives null. */
    public static EmulationYear parseOptional(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return new EmulationYear(Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            throw Refusal.invalid("invalid-cluster-year", "cluster.year.invalid", raw, MIN, MAX);
        }
    }

    public EmulationYear next() {
        return new EmulationYear(value + 1);
    }
}
