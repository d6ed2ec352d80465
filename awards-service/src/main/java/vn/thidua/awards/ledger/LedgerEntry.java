package vn.thidua.awards.ledger;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import vn.thidua.awards.cash.CashAmount;

/** An award a unit or a person of it holds (or held, until revoked): never deleted, revocation marks it. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    public enum Source {
        /** Written by a decision recorded in this system. */
        DECISION,
        /** Imported from the records before the system. */
        IMPORT
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "award_type_code", nullable = false, length = 40)
    public String awardTypeCode;

    /** The person who holds it, for a person award (null for a unit's), and their name as decided; {@code unitCode} proposed them. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "person_name", length = 200)
    public String personName;

    @Column(nullable = false)
    public int year;

    @Column(name = "decision_number", nullable = false, length = 100)
    public String decisionNumber;

    @Column(name = "decision_date", nullable = false)
    public LocalDate decisionDate;

    @Column(name = "deciding_authority", nullable = false, length = 300)
    public String decidingAuthority;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Source source;

    @Column(name = "proposal_id")
    public Long proposalId;

    /** The decision recorded here as a whole ({@code decision}), when the entry comes from one. */
    @Column(name = "decision_id")
    public Long decisionId;

    /** The rule set the award was judged under, kept forever; null for imported entries and those from before. */
    @Column(name = "rule_set_id")
    public Long ruleSetId;

    /** VND, computed when the decision was recorded; null when it could not be (no multiple, no base salary in force) or not recorded here. */
    @Column(name = "cash_amount")
    public Long cashAmount;

    /** The base salary in force on the decision date that the amount was computed on. */
    @Column(name = "base_salary")
    public Long baseSalary;

    /** The rule set's multiple that the amount was computed with. */
    @Column(name = "cash_multiple", precision = 6, scale = 2)
    public BigDecimal cashMultiple;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_reason", length = 2000)
    public String revocationReason;

    @Column(name = "revocation_ground", length = 500)
    public String revocationGround;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** Records what the award pays, with the factors it was computed from, so a later change of either leaves it as decided. */
    public void pay(CashAmount cash) {
        cashAmount = cash.amount();
        baseSalary = cash.baseSalary();
        cashMultiple = cash.multiple();
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
