package vn.thidua.units.unit;

import com.ibm.icu.text.Collator;
import com.ibm.icu.text.Transliterator;
import com.ibm.icu.util.ULocale;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * How unit names sort and how they are found. Sorting follows Vietnamese rules (ICU): a, ă, â,
 * b, …, đ after d, tones after the base letter. Search ignores case and diacritics, so
 * "hoi nong dan" finds "Hội Nông dân tỉnh Thanh Hóa".
 */
public final class UnitText {
    private static final ULocale VIETNAMESE = new ULocale("vi");
    /** Collators are not thread-safe; a frozen one is. */
    private static final Collator COLLATOR = frozenCollator();
    private static final ThreadLocal<Transliterator> FOLD = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("NFD; [:Nonspacing Mark:] Remove; NFC; Latin-ASCII; Lower"));

    private UnitText() {
    }

    /** The ICU collation key of a name: comparing keys byte by byte orders names the Vietnamese way. */
    public static byte[] sortKey(String name) {
        return COLLATOR.getCollationKey(name).toByteArray();
    }

    public static Collator collator() {
        return COLLATOR;
    }

    /** Lower case, without diacritics (đ → d), white space folded. */
    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        return FOLD.get().transliterate(text).strip().replaceAll("\\s+", " ");
    }

    /** What a unit's search matches against: its name, short name and code, folded. */
    public static String searchText(String code, String name, String shortName) {
        return Arrays.asList(name, shortName, code).stream()
                .filter(Objects::nonNull)
                .map(UnitText::fold)
                .collect(Collectors.joining(" | "));
    }

    /** The words of a query, folded; every word must occur in a match. */
    public static List<String> queryWords(String query) {
        String folded = fold(query);
        return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
    }

    private static Collator frozenCollator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator.freeze();
    }
}
