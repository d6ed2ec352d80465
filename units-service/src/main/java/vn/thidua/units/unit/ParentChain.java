package vn.thidua.units.unit;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import vn.thidua.platform.domain.Refusal;

/** Checks that a unit's parent exists and that making it the parent closes no cycle. */
final class ParentChain {
    private ParentChain() {
    }

    /**
     * @param parentOf the parent of a known unit (empty when it has none), or {@code null} when
     *                 no such unit exists
     */
    static void check(UnitCode unit, UnitCode parent, Function<String, Optional<String>> parentOf) {
        if (parent == null) {
            return;
        }
        if (parent.equals(unit)) {
            throw Refusal.unprocessable("parent-cycle", "unit.parent.cycle", unit.value(), parent.value());
        }
        if (parentOf.apply(parent.value()) == null) {
            throw Refusal.unprocessable("unknown-parent", "unit.parent.unknown", parent.value());
        }
        Set<String> seen = new HashSet<>();
        String current = parent.value();
        while (current != null && seen.add(current)) {
            if (current.equals(unit.value())) {
                throw Refusal.unprocessable("parent-cycle", "unit.parent.cycle", unit.value(), parent.value());
            }
            Optional<String> next = parentOf.apply(current);
            current = next == null ? null : next.orElse(null);
        }
    }
}
