package vn.thidua.awards.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Whether a unit held an award in each of {@code years} consecutive years up to {@code until}
 * (both ends included), the years of that window it held it and those it did not.
 */
public record Streak(int from, int until, boolean held, List<Integer> yearsHeld, List<Integer> missing) {
    public static final int MAX_YEARS = 50;

    public Streak {
        yearsHeld = List.copyOf(yearsHeld);
        missing = List.copyOf(missing);
    }

    /** @param heldIn the years the award is held (revoked ones already left out) */
    public static Streak of(Set<Integer> heldIn, int years, int until) {
        if (years < 1 || years > MAX_YEARS) {
            throw new IllegalArgumentException("years must be 1 to " + MAX_YEARS + ", not " + years);
        }
        int from = until - years + 1;
        List<Integer> held = new ArrayList<>();
        List<Integer> missing = new ArrayList<>();
        for (int year = from; year <= until; year++) {
            (heldIn.contains(year) ? held : missing).add(year);
        }
        return new Streak(from, until, missing.isEmpty(), held, missing);
    }
}
