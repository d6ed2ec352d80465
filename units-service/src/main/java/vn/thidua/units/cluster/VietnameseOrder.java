package vn.thidua.units.cluster;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;
import java.util.Comparator;

/** Sorts names the Vietnamese way (ICU collation: a ă â b c d đ e ê …, tones after letters). */
final class VietnameseOrder {
    /** Frozen, so it is safe to share between threads. */
    private static final Collator COLLATOR = Collator.getInstance(new ULocale("vi")).freeze();

    static final Comparator<ClusterViews.UnitRef> UNITS = Comparator
            .comparing((ClusterViews.UnitRef unit) -> unit.name() == null ? "" : unit.name(), COLLATOR::compare)
            .thenComparing(ClusterViews.UnitRef::code);

    private VietnameseOrder() {
    }
}
