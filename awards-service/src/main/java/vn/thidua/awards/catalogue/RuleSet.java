package vn.thidua.awards.catalogue;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A rule set as stored: never edited once written, so what a vote or proposal rested on stays as it was. */
@Entity
@Table(name = "rule_set")
public class RuleSet extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "award_type_code", nullable = false, length = 40)
    public String awardTypeCode;

    @Column(name = "legal_basis", nullable = false, length = 500)
    public String legalBasis;

    @Column(name = "legal_basis_date", nullable = false)
    public LocalDate legalBasisDate;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RuleSetDefinition.EligibilityRule> eligibility;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RuleSetDefinition.VotingRules voting;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provincial_choices", nullable = false)
    public List<String> provincialChoices;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public RuleSetDefinition definition() {
        return new RuleSetDefinition(legalBasis, legalBasisDate, effectiveFrom, effectiveTo, eligibility, voting, provincialChoices);
    }
}
