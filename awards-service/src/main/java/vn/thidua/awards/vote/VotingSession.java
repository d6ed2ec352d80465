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
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.time.LocalDateTime;
import vn.thidua.awards.catalogue.RuleSetChoice;
import vn.thidua.awards.catalogue.RuleSetDefinition.VotingRules;
import vn.thidua.awards.ranking.RankingFinalized;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.time.VietnamTime;
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

    /** The day the cluster meets to vote (the conference's date), which chose the rule set; null for sessions from before. */
    public java.time.LocalDate heldOn() {
        return ruleSetChosenBecause == null ? null : ruleSetChosenBecause.receivedOn();
    }

    /** The ballot paper: each contest held, its candidates in order, and the places to fill. */
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

    // ---- the life of a session: one method per step, each checks the step, takes it and says what happened ----

    /** A step of a session's life. Not published: the vote tells the others only its result ({@link Published}). */
    public record SessionMoved(UUID sessionId, SessionStatus from, SessionStatus to, Instant at) {
    }

    /** What publishing tells the others: the result, and for an election its leader (once the chain of runoffs has one). */
    public record Published(VotingEvents.VoteConcluded concluded, Optional<VotingEvents.ClusterLeaderElected> leaderElected) {
    }

    /**
     * A new session of a cluster-year, SCHEDULED between two local times in Vietnam that follow each other and close
     * after {@code now}.
     */
    public static VotingSession schedule(UUID id, long clusterId, String clusterCode, String clusterName, String kind, int year,
                                         Purpose purpose, LocalDateTime opensAt, LocalDateTime closesAt, String createdBy, Instant now) {
        VotingSession session = new VotingSession();
        session.id = id;
        session.clusterId = clusterId;
        session.clusterCode = clusterCode;
        session.clusterName = clusterName;
        session.kind = kind;
        session.year = year;
        session.purpose = purpose;
        session.setTimes(opensAt, closesAt, now);
        session.status = SessionStatus.SCHEDULED;
        session.createdBy = createdBy;
        session.createdAt = now;
        return session;
    }

    /** A vote to lead the cluster-year and be proposed for the award: {@code places} of the candidates may be elected. */
    public void leadAndPropose(String awardTypeCode, List<String> units, int places, List<RankingFinalized.Entry> ranking) {
        if (places < 1 || places > units.size()) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.places.range", units.size());
        }
        this.awardTypeCode = awardTypeCode;
        leadPlaces = places;
        addCandidates(Contest.LEAD, units, ranking);
    }

    /** An election of the leader (and deputy) for {@code leadsYear}: the cluster's year or the next, the next when not said. */
    public void electLeadershipFor(Integer leadsYear) {
        this.leadsYear = leadsYear == null ? year + 1 : leadsYear;
        if (this.leadsYear < year || this.leadsYear > year + 1) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.leads-year.range", year, year + 1);
        }
        leadPlaces = 1;
    }

    /** Puts the units on the ballot paper of a contest, in order, each with its place in the finalized ranking if it has one. */
    public void addCandidates(Contest contest, List<String> units, List<RankingFinalized.Entry> ranking) {
        int position = 1;
        for (String unit : units) {
            Optional<RankingFinalized.Entry> entry = ranking.stream().filter(e -> e.unitCode().equals(unit)).findFirst();
            candidates.add(new Candidate(contest, unit, position++, entry.map(RankingFinalized.Entry::rank).orElse(null),
                    entry.map(RankingFinalized.Entry::total).orElse(null)));
        }
    }

    /** The rule set whose voting rules it is held under, and why that one. */
    public void judgeBy(RuleSetChoice choice) {
        ruleSetId = choice.ruleSetId();
        ruleSetChosenBecause = choice;
    }

    /** Opened by the Board on the cluster-year's {@code members} of this moment, who make the voter roll; not once its closing time passed. */
    public SessionMoved open(List<String> members, Instant now) {
        requireStatus(SessionStatus.before(SessionStatus.OPEN));
        if (!now.isBefore(closesAt)) {
            throw Refusal.conflict("voting-session-over", "voting.closing-time-passed");
        }
        if (members.isEmpty()) {
            throw Refusal.conflict("voting-no-members", "voting.no-members", clusterCode, year);
        }
        openedAt = now;
        return moveTo(SessionStatus.OPEN, now);
    }

    /** A ballot is taken only while open and between the opening and closing times; otherwise it is refused, saying which. */
    public void requireOpenForBallotsAt(Instant now) {
        if (!acceptsBallotsAt(now)) {
            throw Refusal.conflict("voting-session-not-open", status == SessionStatus.OPEN && now.isBefore(opensAt)
                    ? "voting.not-yet-open" : "voting.not-open");
        }
    }

    /**
     * Closed and counted under {@code rules}; the quorum is checked in the count. Before the closing time only once every
     * unit on the roll has voted: else the Board could close as soon as attendance shows one ballot and read that unit's
     * choices from the count.
     */
    public SessionMoved close(int rollSize, int votedCount, List<Ballot> ballots, VotingRules rules, Instant now) {
        requireStatus(SessionStatus.before(SessionStatus.CLOSED));
        if (now.isBefore(closesAt) && votedCount < rollSize) {
            throw Refusal.conflict("voting-early-close", "voting.close.early", votedCount, rollSize,
                    closesAt.atZone(VietnamTime.ZONE).toLocalDateTime().toString());
        }
        result = Tally.count(paper(), rollSize, ballots, rules);
        closedAt = now;
        return moveTo(SessionStatus.CLOSED, now);
    }

    /**
     * Published: from now on it never changes, and the others hear of its result ({@code membersPresent}: who voted; {@code
     * leadership}: who the chain of runoffs ending here elected, {@link #electedInChain}).
     */
    public Published publish(String legalBasis, List<String> membersPresent, Map<Contest, String> leadership, Instant now) {
        requireStatus(SessionStatus.before(SessionStatus.PUBLISHED));
        publishedAt = now;
        moveTo(SessionStatus.PUBLISHED, now);
        VotingEvents.VoteConcluded concluded = new VotingEvents.VoteConcluded(id, runoffOf, clusterId, clusterCode, kind, year, purpose,
                awardTypeCode, leadsYear, ruleSetId, legalBasis, membersPresent, result, publishedAt);
        Optional<VotingEvents.ClusterLeaderElected> leader = purpose == Purpose.ELECT_LEADERSHIP && leadership.containsKey(Contest.LEADER)
                ? Optional.of(new VotingEvents.ClusterLeaderElected(clusterCode, kind, leadsYear, leadership.get(Contest.LEADER),
                        leadership.get(Contest.DEPUTY), id.toString(), publishedAt))
                : Optional.empty();
        return new Published(concluded, leader);
    }

    /** Only a published session whose count left places open calls for a runoff. */
    public void requireRunoffNeeded() {
        requireStatus(SessionStatus.PUBLISHED);
        if (result.outcome() != VoteResult.Outcome.RUNOFF_NEEDED) {
            throw Refusal.conflict("runoff-not-needed", "voting.runoff.not-needed");
        }
    }

    /**
     * The runoff of this published session, for the places it left open, under the same rule set: each contest not
     * filled, with its runoff candidates less those the chain ({@code load} finds its earlier sessions) elected already.
     */
    public VotingSession runoff(UUID runoffId, LocalDateTime opensAt, LocalDateTime closesAt, Function<UUID, VotingSession> load,
                                List<RankingFinalized.Entry> ranking, String createdBy, Instant now) {
        requireRunoffNeeded();
        VotingSession runoff = schedule(runoffId, clusterId, clusterCode, clusterName, kind, year, purpose, opensAt, closesAt, createdBy, now);
        runoff.runoffOf = id;
        runoff.awardTypeCode = awardTypeCode;
        runoff.leadsYear = leadsYear;
        // the same rule set, and the same reason for it (none for sessions from before reasons were kept)
        runoff.ruleSetId = ruleSetId;
        runoff.ruleSetChosenBecause = ruleSetChosenBecause;
        runoff.leadPlaces = 1;
        Set<String> alreadyElected = new HashSet<>(electedInChain(load).values());
        for (VoteResult.ContestResult contest : result.contests()) {
            if (!contest.filled()) {
                List<String> units = contest.runoffCandidates().stream().filter(u -> !alreadyElected.contains(u)).toList();
                if (contest.contest() == Contest.LEAD) {
                    runoff.leadPlaces = contest.seats() - contest.elected().size();
                }
                runoff.addCandidates(contest.contest(), units, ranking);
            }
        }
        return runoff;
    }

    /**
     * Who the chain of sessions ending here elected, first elected of each contest, the latest session first
     * ({@code load} finds the session a runoff settles); a deputy who is also the leader is not the deputy.
     */
    public Map<Contest, String> electedInChain(Function<UUID, VotingSession> load) {
        Map<Contest, String> elected = new EnumMap<>(Contest.class);
        for (VotingSession at = this; at != null; at = at.runoffOf == null ? null : load.apply(at.runoffOf)) {
            for (Contest contest : List.of(Contest.LEAD, Contest.LEADER, Contest.DEPUTY)) {
                List<String> winners = at.result == null ? List.of() : at.result.elected(contest);
                if (!winners.isEmpty()) {
                    elected.putIfAbsent(contest, winners.get(0));
                }
            }
        }
        if (elected.containsKey(Contest.DEPUTY) && elected.get(Contest.DEPUTY).equals(elected.get(Contest.LEADER))) {
            elected.remove(Contest.DEPUTY);
        }
        return elected;
    }

    private void setTimes(LocalDateTime opensAt, LocalDateTime closesAt, Instant now) {
        if (opensAt == null || closesAt == null) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.times.required");
        }
        this.opensAt = opensAt.atZone(VietnamTime.ZONE).toInstant();
        this.closesAt = closesAt.atZone(VietnamTime.ZONE).toInstant();
        if (!this.closesAt.isAfter(this.opensAt) || !this.closesAt.isAfter(now)) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.times.order");
        }
    }

    private void requireStatus(SessionStatus wanted) {
        if (status != wanted) {
            throw Refusal.conflict("voting-session-state", "voting.state", status, wanted);
        }
    }

    private SessionMoved moveTo(SessionStatus target, Instant at) {
        SessionStatus from = status;
        status = target;
        return new SessionMoved(id, from, target, at);
    }
}
