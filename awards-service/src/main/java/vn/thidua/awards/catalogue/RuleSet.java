package vn.thidua.awards.catalogue;

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
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import vn.thidua.awards.condition.Condition;
import org.hibernate.type.SqlTypes;

/**
 * A rule set as stored: never edited once written, but for its end, set once when the next text
 * applies ({@link CatalogueService#end}), so what a vote or proposal rested on stays as it was.
 */
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

    @Column(name = "legal_basis_tag", length = 3)
    public String legalBasisTag;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "effective_to")
    public LocalDate effectiveTo;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    public Transition transition = Transition.DOSSIER_RECEIVED_ON;

    @Column(name = "transition_tag", nullable = false, length = 3)
    public String transitionTag = "?";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public List<Condition> eligibility;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    public RuleSetDefinition.VotingRules voting;

    /** How the Council reviews its candidates; null: decided straight after the Board's appraisal. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(updatable = false)
    public CouncilReview council;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "provincial_choices", nullable = false, updatable = false)
    public List<String> provincialChoices;

    /** × the base salary in force on the decision date; null where the rule set gives no cash. */
    @Column(name = "cash_multiple", precision = 6, scale = 2)
    public BigDecimal cashMultiple;

    @Column(name = "cash_citation", length = 300)
    public String cashCitation;

    @Column(name = "cash_tag", length = 3)
    public String cashTag;

    /** Counted by hand (0 when created, 1 once ended): the If-Match of {@link CatalogueService#end}. */
    @Column(nullable = false)
    public long version;

    @Column(name = "ended_by", length = 100)
    public String endedBy;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Column(name = "end_reason", length = 2000)
    public String endReason;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public RuleSetDefinition definition() {
        return new RuleSetDefinition(legalBasis, legalBasisDate, legalBasisTag, effectiveFrom, effectiveTo, transition, transitionTag,
                eligibility, voting, provincialChoices, cashMultiple, cashCitation, cashTag, council);
    }
}
