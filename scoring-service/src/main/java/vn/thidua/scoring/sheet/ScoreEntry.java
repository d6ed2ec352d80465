package vn.thidua.scoring.sheet;

import java.math.BigDecimal;
import java.util.List;

/** What a scorer writes for one criterion. */
public record ScoreEntry(BigDecimal points, String comment, List<String> evidence, String explanation) {
}
