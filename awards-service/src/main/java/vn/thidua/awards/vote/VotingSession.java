package vn.thidua.awards.vote;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.thidua.awards.vote.Tally.Seats;

/**
 * A vote of a cluster-year's member units, as the Board set it up and as it went. Ballots and
 * who cast them are kept apart, in {@link BallotBox}; the session holds only totals.
 */
@jakarta.persistence.Entity
@Table(name = "voting_session")
public class VotingSession extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "cluster_id", nullable = false)
    public long clusterId;

    @Column(name = "cluster_code", nullable = false, length = 20)
    public String clusterCode;

    @Column(name = "cluster_name", nullable = false, length = 300)
    public String clusterName;

    @Column(nullable = false, length = 10)
    public String kind;

    @Column(nullable = false)
    public int year;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public Purpose purpose;

    @Column(name = "award_type_code", length = 40)
    public String awardTypeCode;

    @Column(name = "rule_set_id", nullable = false)
    public long ruleSetId;

    @org.hibernate.annotations.JdbcTypeCode(org.hibernate.type.SqlTypes.JSON)
    @Column(name = "rule_set_chosen_because")
    public vn.thidua.awards.catalogue.RuleSetChoice ruleSetChosenBecause;

    @Column(name = "leads_year")
    public Integer leadsYear;

    @Column(name = "lead_places", nullable = false)
    public int leadPlaces;

    @Column(name = "runoff_of")
    public UUID runoffOf;

    @Column(name = "opens_at", nullable = false)
    public Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    public Instant closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    public SessionStatus status;

    @Column(name = "opened_at")
    public Instant openedAt;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public VoteResult result;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "voting_candidate", joinColumns = @JoinColumn(name = "session_id"))
    @OrderBy("contest, position")
    public List<Candidate> candidates = new ArrayList<>();

    /** A unit on the ballot paper of one contest, with its place in the finalized ranking when it came from there. */
    @Embeddable
    public static class Candidate {
        @Enumerated(EnumType.STRING)
        @Column(nullable = false, length = 10)
        public Contest contest;

        @Column(name = "unit_code", nullable = false, length = 35)
        public String unitCode;

        @Column(nullable = false)
        public int position;

        @Column(name = "ranking_rank")
        public Integer rankingRank;

        @Column(name = "ranking_total", precision = 8, scale = 2)
        public BigDecimal rankingTotal;

        public Candidate() {
        }

        Candidate(Contest contest, String unitCode, int position, Integer rankingRank, BigDecimal rankingTotal) {
            this.contest = contest;
            this.unitCode = unitCode;
            this.position = position;
            this.rankingRank = rankingRank;
            this.rankingTotal = rankingTotal;
        }
    }

    /** The ballot paper: each contest held, its candidates in order, and the places to fill. */
    /** The day the cluster meets to vote (the conference's date), which chose the rule set; null for sessions from before. */
    public java.time.LocalDate heldOn() {
        return ruleSetChosenBecause == null ? null : ruleSetChosenBecause.receivedOn();
    }

    public Map<Contest, Seats> paper() {
        Map<Contest, Seats> paper = new EnumMap<>(Contest.class);
        for (Contest contest : Contest.values()) {
            List<String> units = candidates.stream().filter(c -> c.contest == contest)
                    .sorted(java.util.Comparator.comparingInt(c -> c.position)).map(c -> c.unitCode).toList();
            if (!units.isEmpty()) {
                paper.put(contest, new Seats(units, contest == Contest.LEAD ? leadPlaces : 1));
            }
        }
        return paper;
    }

    /** Ballots are taken only while open and between the opening and closing times. */
    public boolean acceptsBallotsAt(Instant now) {
        return status == SessionStatus.OPEN && !now.isBefore(opensAt) && now.isBefore(closesAt);
    }
}
