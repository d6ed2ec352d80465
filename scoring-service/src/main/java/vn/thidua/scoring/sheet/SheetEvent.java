package vn.thidua.scoring.sheet;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What happened to a score sheet, as its transitions return it: a criterion scored (or computed
 * from a report), the sheet submitted or reopened. The service records it as a line of the audit
 * trail ({@link ScoreAudit}).
 */
public record SheetEvent(long setId, long sheetId, Long criterionId, String action, BigDecimal oldPoints, BigDecimal newPoints,
                         String reason, String actor, Instant at) {
    public static final String SCORED = "SCORED";
    public static final String COMPUTED = "COMPUTED";
    public static final String SUBMITTED = "SUBMITTED";
    public static final String REOPENED = "REOPENED";
}
