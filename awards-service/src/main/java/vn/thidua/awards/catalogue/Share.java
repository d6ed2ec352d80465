package vn.thidua.awards.catalogue;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A share of a whole, kept exact: a percentage (p/100) or a fraction such as two thirds, which no
 * percentage can state (4 of 6 is 66.666…%: "from 66.67%" would refuse it, "from 2/3" does not).
 */
public record Share(BigDecimal numerator, BigDecimal denominator) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Pattern FRACTION = Pattern.compile("([0-9]{1,3})/([1-9][0-9]{0,2})");

    public static Share percent(BigDecimal percent) {
        return new Share(percent, HUNDRED);
    }

    /** "2/3" → two thirds; empty when the text is not a fraction of small whole numbers. */
    public static Optional<Share> fraction(String text) {
        Matcher matcher = text == null ? null : FRACTION.matcher(text.strip());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Share(new BigDecimal(matcher.group(1)), new BigDecimal(matcher.group(2))));
    }

    /** Whether {@code part} of {@code whole} reaches this share (at least, or more than when {@code strictly}); never for an empty whole. */
    public boolean reachedBy(int part, int whole, boolean strictly) {
        if (whole == 0) {
            return false;
        }
        int comparison = BigDecimal.valueOf(part).multiply(denominator).compareTo(numerator.multiply(BigDecimal.valueOf(whole)));
        return strictly ? comparison > 0 : comparison >= 0;
    }

    /** Whether the share lies between nothing and the whole, both included. */
    public boolean withinWhole() {
        return numerator.signum() >= 0 && numerator.compareTo(denominator) <= 0;
    }
}
