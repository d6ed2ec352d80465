package vn.thidua.awards.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A proposal of one award for one unit and year, with what it rests on and where it stands. */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "award_type_code", nullable = false, length = 40)
    public String awardTypeCode;

    @Column(nullable = false)
    public int year;

    @Column(name = "cluster_id", nullable = false)
    public long clusterId;

    @Column(name = "cluster_code", nullable = false, length = 20)
    public String clusterCode;

    @Column(name = "rule_set_id", nullable = false)
    public long ruleSetId;

    /** The day the Board received the dossier: given by the Board for a past dossier, else the day of its first submission. */
    @Column(name = "received_on")
    public LocalDate receivedOn;

    /** Why its rule set was chosen, with the day whose rules judge it; provisional while a draft not yet received. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rule_set_chosen_because")
    public vn.thidua.awards.catalogue.RuleSetChoice ruleSetChosenBecause;

    @Column(name = "voting_session_id")
    public UUID votingSessionId;

    @Column(name = "ranking_rank")
    public Integer rankingRank;

    @Column(name = "ranking_total", precision = 8, scale = 2)
    public BigDecimal rankingTotal;

    @Column(name = "ranking_set_version")
    public Long rankingSetVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalStatus status;

    @Column(name = "status_reason", length = 2000)
    public String statusReason;

    @Column(name = "legal_ground", length = 500)
    public String legalGround;

    @Column(name = "decision_number", length = 100)
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "deciding_authority", length = 300)
    public String decidingAuthority;

    /** Awards the unit held before, as the ledger said when the dossier was last filled in. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "earlier_awards", nullable = false)
    public List<EarlierAward> earlierAwards = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public record EarlierAward(String awardTypeCode, int year, String decisionNumber, LocalDate decisionDate, String decidingAuthority) {
    }
}
