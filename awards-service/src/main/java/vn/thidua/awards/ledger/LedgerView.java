package vn.thidua.awards.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A ledger entry as the API shows it: the award (to the unit, or to the person named), the decision it rests on, the rule set it was judged
 * under, what it pays (null when unknown), where it comes from, and its revocation if any.
 */
public record LedgerView(long id, String unitCode, String unitName,
                         @Schema(description = "The person who holds it, for an award to persons; absent for a unit's.") UUID personId,
                         String personName, String awardTypeCode, int year, String decisionNumber,
                         LocalDate decisionDate, String decidingAuthority, Long decisionId, LedgerEntry.Source source, Long proposalId,
                         Long ruleSetId, Long cashAmount, Long baseSalary, BigDecimal cashMultiple, boolean revoked, Instant revokedAt,
                         String revocationReason, String revocationGround, String createdBy, Instant createdAt) {

    static LedgerView of(LedgerEntry e, String unitName) {
        return new LedgerView(e.id, e.unitCode, unitName, e.personId, e.personName, e.awardTypeCode, e.year, e.decisionNumber, e.decisionDate, e.decidingAuthority,
                e.decisionId, e.source, e.proposalId, e.ruleSetId, e.cashAmount, e.baseSalary, e.cashMultiple, e.revoked(), e.revokedAt,
                e.revocationReason, e.revocationGround, e.createdBy, e.createdAt);
    }
}
