package vn.thidua.awards.decision;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A decision as the API shows it: the units it names (for an award to persons, a line per person with their unit), each with its name, the proposal it decided and
 * the cash it pays; {@code totalCash} is what the awards that stand pay together, null while one of
 * them has no amount (so a partial sum is never taken for the total).
 */
public record DecisionView(long id, String number, LocalDate date, String authority, String awardTypeCode, String awardName, int year,
                           List<UnitView> units, Long totalCash, String recordedBy, Instant recordedAt) {

    /**
     * @param cashAmount   VND; null when it could not be computed, {@code cashNote} saying why
     * @param baseSalary   the base salary in force on the decision date it was computed on
     * @param cashMultiple the multiple of the rule set the award was judged under
     * @param revoked      the award was revoked since: not paid, not in the total ({@code cashNote} says so)
     */
    public record UnitView(String unitCode, String unitName, long proposalId, Long cashAmount, Long baseSalary, BigDecimal cashMultiple,
                           String cashNote, boolean revoked,
                           @Schema(description = "The person awarded, for an award to persons; absent for a unit's.") UUID personId,
                           @Schema(description = "The person's name as decided.") String personName) {

        /** A unit's line: no person. */
        public UnitView(String unitCode, String unitName, long proposalId, Long cashAmount, Long baseSalary, BigDecimal cashMultiple,
                        String cashNote, boolean revoked) {
            this(unitCode, unitName, proposalId, cashAmount, baseSalary, cashMultiple, cashNote, revoked, null, null);
        }
    }

    /** What the awards that stand pay together; null when one of them has no amount. */
    static Long totalCash(List<UnitView> units) {
        long total = 0;
        for (UnitView unit : units) {
            if (!unit.revoked()) {
                if (unit.cashAmount() == null) {
                    return null;
                }
                total = Math.addExact(total, unit.cashAmount());
            }
        }
        return total;
    }
}
