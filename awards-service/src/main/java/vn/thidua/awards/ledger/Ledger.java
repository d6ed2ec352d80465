package vn.thidua.awards.ledger;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What the rest of the service writes into the ledger, and the one question it asks before: proposals enter the
 * award a decision grants and mark it when it is revoked. Joins the caller's transaction.
 */
@ApplicationScoped
public class Ledger {

    /** An award a decision granted on a proposal, as the ledger keeps it; {@code personId} and {@code personName} for a person's. */
    public record DecidedAward(String unitCode, UUID personId, String personName, String awardTypeCode, int year, String decisionNumber,
                               LocalDate decisionDate, String decidingAuthority, long proposalId, long ruleSetId) {
    }

    /** Whether the ledger already holds that decision's award for the unit and year (e.g. imported from paper records). */
    public boolean holds(String unitCode, String awardTypeCode, int year, String decisionNumber) {
        return LedgerEntry.count("unitCode = ?1 and personId is null and awardTypeCode = ?2 and year = ?3 and decisionNumber = ?4", unitCode,
                awardTypeCode, year, decisionNumber) > 0;
    }

    /** The same for a person. */
    public boolean holdsForPerson(UUID personId, String awardTypeCode, int year, String decisionNumber) {
        return LedgerEntry.count("personId = ?1 and awardTypeCode = ?2 and year = ?3 and decisionNumber = ?4", personId, awardTypeCode,
                year, decisionNumber) > 0;
    }

    public void enter(DecidedAward award, String actor, Instant at) {
        LedgerEntry entry = new LedgerEntry();
        entry.unitCode = award.unitCode();
        entry.personId = award.personId();
        entry.personName = award.personName();
        entry.awardTypeCode = award.awardTypeCode();
        entry.year = award.year();
        entry.decisionNumber = award.decisionNumber();
        entry.decisionDate = award.decisionDate();
        entry.decidingAuthority = award.decidingAuthority();
        entry.source = LedgerEntry.Source.DECISION;
        entry.proposalId = award.proposalId();
        entry.ruleSetId = award.ruleSetId();
        entry.createdBy = actor;
        entry.createdAt = at;
        entry.persist();
    }

    /** Marks the entries a proposal's decision wrote as revoked: the ledger never forgets an award, it says it was taken back. */
    public void revokeOf(long proposalId, Instant at, String reason, String ground) {
        for (LedgerEntry entry : LedgerEntry.<LedgerEntry>list("proposalId", proposalId)) {
            entry.revokedAt = at;
            entry.revocationReason = reason;
            entry.revocationGround = ground;
        }
    }

    /** The entries a proposal's decision of that number wrote, for the decision to record its cash on. */
    public List<LedgerEntry> writtenBy(long proposalId, String decisionNumber) {
        return LedgerEntry.list("proposalId = ?1 and decisionNumber = ?2", proposalId, decisionNumber);
    }

    /** The entries of a recorded decision. */
    public List<LedgerEntry> ofDecision(long decisionId) {
        return LedgerEntry.list("decisionId", decisionId);
    }
}
