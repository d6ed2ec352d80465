package vn.thidua.awards.vote;

import vn.thidua.platform.domain.Refusal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import io.micrometer.core.annotation.Counted;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.catalogue.RuleSetChoice;
import vn.thidua.awards.ranking.FinalizedRanking;
import vn.thidua.awards.vote.VotingSession.Candidate;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.time.VietnamTime;

/**
 * The life of a voting session: the Board sets it up, opens, closes and publishes it; each member
 * unit's representative casts that unit's one ballot. Who may do what is checked here, in the
 * service, whatever the gateway did.
 */
@ApplicationScoped
public class VotingService {
        static final int MAX_CANDIDATES = 50;

    private final Clock clock;
    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;
    private final BallotBox box;
    private final Outbox outbox;
    private final CloudEvents events;
    private final String leadershipRulesOf;

    public VotingService(ClusterDirectory clusters, CatalogueService catalogue, BallotBox box, Outbox outbox, CloudEvents events,
                         @ConfigProperty(name = "thidua.voting.leadership-rules-of", defaultValue = "CO_THI_DUA_TINH") String leadershipRulesOf, Clock clock) {
        this.clock = clock;
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.box = box;
        this.outbox = outbox;
        this.events = events;
        this.leadershipRulesOf = leadershipRulesOf;
    }

    /**
     * What the Board asks for. Times are local times in Asia/Ho_Chi_Minh. A vote to lead and be
     * proposed takes its candidates from the finalized ranking ({@code topN}) or from
     * {@code nominees}; an election takes {@code leaderNominees} and {@code deputyNominees}, and
     * its voting rules from the rule set in force of {@code votingRulesOf} (by default the
     * configured award, whose rule set carries the cluster regulation).
     */
    public record SessionRequest(@Schema(required = true) Long clusterId, @Schema(required = true) Purpose purpose,
                                 @Schema(description = "LEAD_AND_PROPOSE: the award proposed (required).") String awardTypeCode,
                                 @Schema(minimum = "1", description = "LEAD_AND_PROPOSE: the first N of the finalized ranking are the candidates "
                                         + "(give this or `nominees`, not both).") Integer topN,
                                 @Schema(maxItems = MAX_CANDIDATES, uniqueItems = true, description = "LEAD_AND_PROPOSE: the candidate units "
                                         + "(give this or `topN`, not both).") List<String> nominees,
                                 @Schema(minimum = "1", description = "LEAD_AND_PROPOSE: how many may be elected, at most the candidates; 1 when left out.")
                                 Integer places,
                                 @Schema(maxItems = MAX_CANDIDATES, uniqueItems = true, description = "ELECT_LEADERSHIP: the candidates for leader (required).")
                                 List<String> leaderNominees,
                                 @Schema(maxItems = MAX_CANDIDATES, uniqueItems = true, description = "ELECT_LEADERSHIP: the candidates for deputy.")
                                 List<String> deputyNominees,
                                 @Schema(description = "ELECT_LEADERSHIP: the year to be led, the cluster's year or the next (the next when left out).")
                                 Integer leadsYear,
                                 @Schema(description = "ELECT_LEADERSHIP: the award type whose rule set gives the voting rules.") String votingRulesOf,
                                 @Schema(required = true, description = "In Vietnam's time.") LocalDateTime opensAt,
                                 @Schema(required = true, description = "In Vietnam's time; after opensAt and not past.") LocalDateTime closesAt,
                                 @Schema(description = "The day of the meeting; today when left out.") LocalDate heldOn) {
        public SessionRequest(Long clusterId, Purpose purpose, String awardTypeCode, Integer topN, List<String> nominees, Integer places,
                              List<String> leaderNominees, List<String> deputyNominees, Integer leadsYear, String votingRulesOf,
                              LocalDateTime opensAt, LocalDateTime closesAt) {
            this(clusterId, purpose, awardTypeCode, topN, nominees, places, leaderNominees, deputyNominees, leadsYear, votingRulesOf, opensAt,
                    closesAt, null);
        }
    }

    /** The times of a runoff; everything else comes from the session it settles. */
    public record RunoffRequest(@Schema(required = true, description = "In Vietnam's time.") LocalDateTime opensAt,
                                @Schema(required = true, description = "In Vietnam's time; after opensAt and not past.") LocalDateTime closesAt) {
    }

    @Transactional
    public VotingSession create(SessionRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        if (request == null || request.clusterId() == null || request.purpose() == null) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.request.required");
        }
        ClusterYear cluster = clusters.find(request.clusterId())
                .orElseThrow(() -> Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", request.clusterId()));
        VotingSession session = new VotingSession();
        session.id = UUID.randomUUID();
        session.clusterId = cluster.id();
        session.clusterCode = cluster.code();
        session.clusterName = cluster.name();
        session.kind = cluster.kind();
        session.year = cluster.year();
        session.purpose = request.purpose();
        setTimes(session, request.opensAt(), request.closesAt());
        Optional<FinalizedRanking> ranking = Optional.ofNullable(FinalizedRanking.findById(cluster.id()));
        String rulesOf;
        if (request.purpose() == Purpose.LEAD_AND_PROPOSE) {
            if (request.awardTypeCode() == null) {
                throw Refusal.unprocessable("invalid-voting-session", "voting.award.required");
            }
            rulesOf = request.awardTypeCode();
            session.awardTypeCode = catalogue.get(rulesOf).code;
            List<String> units = leadCandidates(request, cluster, ranking);
            int places = request.places() == null ? 1 : request.places();
            if (places < 1 || places > units.size()) {
                throw Refusal.unprocessable("invalid-voting-session", "voting.places.range", units.size());
            }
            session.leadPlaces = places;
            addCandidates(session, Contest.LEAD, units, ranking);
        } else {
            rulesOf = request.votingRulesOf() == null ? leadershipRulesOf : request.votingRulesOf();
            session.leadsYear = request.leadsYear() == null ? cluster.year() + 1 : request.leadsYear();
            if (session.leadsYear < cluster.year() || session.leadsYear > cluster.year() + 1) {
                throw Refusal.unprocessable("invalid-voting-session", "voting.leads-year.range", cluster.year(), cluster.year() + 1);
            }
            session.leadPlaces = 1;
            addCandidates(session, Contest.LEADER, members(cluster, request.leaderNominees(), "leaderNominees", true), ranking);
            addCandidates(session, Contest.DEPUTY, members(cluster, request.deputyNominees(), "deputyNominees", false), ranking);
        }
        // the day the cluster meets chooses the rules (a conference of the past is entered with its own date)
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        LocalDate heldOn = request.heldOn() == null ? today : request.heldOn();
        if (request.heldOn() != null && (heldOn.isAfter(today.plusYears(1)) || heldOn.getYear() < cluster.year())) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.held-on.range", heldOn.toString(), cluster.year());
        }
        RuleSetChoice choice = catalogue.choose(rulesOf, cluster.year(), heldOn);
        session.ruleSetId = choice.ruleSetId();
        session.ruleSetChosenBecause = choice;
        session.status = SessionStatus.SCHEDULED;
        session.createdBy = caller.subject();
        session.createdAt = Instant.now(clock);
        session.persist();
        return session;
    }

    /** The Board opens the session: the voter roll is fixed as the cluster-year's members at this moment. */
    @Transactional
    public VotingSession open(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession session = lock(id);
        requireStatus(session, SessionStatus.SCHEDULED);
        Instant now = Instant.now(clock);
        if (!now.isBefore(session.closesAt)) {
            throw Refusal.conflict("voting-session-over", "voting.closing-time-passed");
        }
        List<String> members = clusters.find(session.clusterId).map(ClusterYear::members).orElse(List.of());
        if (members.isEmpty()) {
            throw Refusal.conflict("voting-no-members", "voting.no-members", session.clusterCode, session.year);
        }
        box.enrol(session.id, members);
        session.status = SessionStatus.OPEN;
        session.openedAt = now;
        return session;
    }

    /**
     * A unit's representative casts the unit's ballot. The session row is locked for the cast, so
     * the closing waits for a cast in progress and no ballot gets in after it.
     *
     * @return the receipt, which only this voter ever sees
     */
    @Transactional
    @Counted(value = "thidua.ballots.cast", description = "Ballots cast (result=success) and refused (result=failure, by exception)")
    public String cast(UUID id, Map<String, Map<String, String>> marks, Caller caller) {
        if (!caller.hasAnyRole(Roles.UNIT_REP) || caller.unit().isEmpty()) {
            throw new io.quarkus.security.ForbiddenException("only a unit's representative casts its unit's ballot");
        }
        String unit = caller.unit().get();
        VotingSession session = lock(id);
        if (!canRead(session, caller)) {
            // another cluster's session: as for a read, its existence is not told (404, not 403)
            throw Refusal.notFound("voting-session-not-found", "voting.not-found", id);
        }
        if (!box.onRoll(session.id, unit)) {
            if (session.status == SessionStatus.SCHEDULED && clusters.isMember(session.clusterId, unit)) {
                throw Refusal.conflict("voting-session-not-open", "voting.not-open");
            }
            throw new io.quarkus.security.ForbiddenException(unit + " is not on the voter roll of session " + id);
        }
        Instant now = Instant.now(clock);
        if (!session.acceptsBallotsAt(now)) {
            throw Refusal.conflict("voting-session-not-open", session.status == SessionStatus.OPEN && now.isBefore(session.opensAt)
                    ? "voting.not-yet-open" : "voting.not-open");
        }
        Ballot ballot = Ballot.mark(marks, session.paper());
        return box.cast(session.id, unit, ballot)
                .orElseThrow(() -> Refusal.conflict("ballot-already-cast", "voting.already-voted", unit));
    }

    /**
     * The Board closes the session and the ballots are counted; quorum is checked now. Before the closing time
     * only once every unit on the roll has voted: else the Board could close as soon as attendance shows one
     * ballot and read that unit's choices from the count.
     */
    @Transactional
    public VotingSession close(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession session = lock(id);
        requireStatus(session, SessionStatus.OPEN);
        Instant now = Instant.now(clock);
        if (now.isBefore(session.closesAt)) {
            int roll = box.roll(session.id).size();
            int voted = box.voted(session.id).size();
            if (voted < roll) {
                throw Refusal.conflict("voting-early-close", "voting.close.early", voted, roll,
                        session.closesAt.atZone(VietnamTime.ZONE).toLocalDateTime().toString());
            }
        }
        List<Ballot> ballots = box.ballots(session.id).stream().map(BallotBox.StoredBallot::ballot).toList();
        RuleSet rules = RuleSet.findById(session.ruleSetId);
        session.result = Tally.count(session.paper(), box.roll(session.id).size(), ballots, rules.voting);
        session.status = SessionStatus.CLOSED;
        session.closedAt = now;
        return session;
    }

    /** The Board publishes the result: from now on the session never changes, and the others hear of it. */
    @Transactional
    public VotingSession publish(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession session = lock(id);
        requireStatus(session, SessionStatus.CLOSED);
        session.status = SessionStatus.PUBLISHED;
        session.publishedAt = Instant.now(clock);
        session.flush();
        RuleSet rules = RuleSet.findById(session.ruleSetId);
        outbox.publish(VotingEvents.TOPIC, events.create(VotingEvents.SOURCE, VotingEvents.VOTE_CONCLUDED,
                VotingEvents.key(session.clusterCode, session.year),
                new VotingEvents.VoteConcluded(session.id, session.runoffOf, session.clusterId, session.clusterCode, session.kind,
                        session.year, session.purpose, session.awardTypeCode, session.leadsYear, session.ruleSetId, rules.legalBasis,
                        box.voted(session.id), session.result, session.publishedAt)));
        if (session.purpose == Purpose.ELECT_LEADERSHIP) {
            Map<Contest, String> leadership = electedInChain(session);
            if (leadership.containsKey(Contest.LEADER)) {
                outbox.publish(VotingEvents.TOPIC, events.create(VotingEvents.SOURCE, VotingEvents.CLUSTER_LEADER_ELECTED,
                        VotingEvents.key(session.clusterCode, session.leadsYear),
                        new VotingEvents.ClusterLeaderElected(session.clusterCode, session.kind, session.leadsYear,
                                leadership.get(Contest.LEADER), leadership.get(Contest.DEPUTY), session.id.toString(), session.publishedAt)));
            }
        }
        return session;
    }

    /** The Board calls a runoff for the places a published session left open, under the same rule set. */
    @Transactional
    public VotingSession runoff(UUID id, RunoffRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession original = lock(id);
        requireStatus(original, SessionStatus.PUBLISHED);
        if (original.result.outcome() != VoteResult.Outcome.RUNOFF_NEEDED) {
            throw Refusal.conflict("runoff-not-needed", "voting.runoff.not-needed");
        }
        if (VotingSession.count("runoffOf", original.id) > 0) {
            throw Refusal.conflict("runoff-exists", "voting.runoff.exists");
        }
        VotingSession runoff = new VotingSession();
        runoff.id = UUID.randomUUID();
        runoff.runoffOf = original.id;
        runoff.clusterId = original.clusterId;
        runoff.clusterCode = original.clusterCode;
        runoff.clusterName = original.clusterName;
        runoff.kind = original.kind;
        runoff.year = original.year;
        runoff.purpose = original.purpose;
        runoff.awardTypeCode = original.awardTypeCode;
        runoff.leadsYear = original.leadsYear;
        runoff.ruleSetId = original.ruleSetId;
        runoff.ruleSetChosenBecause = original.ruleSetChosenBecause;
        runoff.leadPlaces = 1;
        setTimes(runoff, request == null ? null : request.opensAt(), request == null ? null : request.closesAt());
        Set<String> alreadyElected = new HashSet<>(electedInChain(original).values());
        Optional<FinalizedRanking> ranking = Optional.ofNullable(FinalizedRanking.findById(original.clusterId));
        for (VoteResult.ContestResult contest : original.result.contests()) {
            if (!contest.filled()) {
                List<String> units = contest.runoffCandidates().stream().filter(u -> !alreadyElected.contains(u)).toList();
                if (contest.contest() == Contest.LEAD) {
                    runoff.leadPlaces = contest.seats() - contest.elected().size();
                }
                addCandidates(runoff, contest.contest(), units, ranking);
            }
        }
        runoff.status = SessionStatus.SCHEDULED;
        runoff.createdBy = caller.subject();
        runoff.createdAt = Instant.now(clock);
        runoff.persist();
        return runoff;
    }

    /** The sessions the caller may see, of one year and optionally one cluster-year, in cluster then creation order. */
    @Transactional
    public List<VotingSession> list(int year, Long clusterId, Caller caller) {
        List<VotingSession> sessions = clusterId == null
                ? VotingSession.list("year = ?1 order by clusterCode, createdAt", year)
                : VotingSession.list("year = ?1 and clusterId = ?2 order by createdAt", year, clusterId);
        return sessions.stream().filter(s -> canRead(s, caller)).toList();
    }

    @Transactional
    public VotingSession get(UUID id, Caller caller) {
        VotingSession session = VotingSession.findById(id);
        if (session == null || !canRead(session, caller)) {
            throw Refusal.notFound("voting-session-not-found", "voting.not-found", id);
        }
        session.candidates.size();
        return session;
    }

    /** Whether the caller may see the count: the Board once closed, everyone who may read the session once published. */
    static boolean mayReadResult(VotingSession session, Caller caller) {
        return session.status == SessionStatus.PUBLISHED || session.status == SessionStatus.CLOSED && caller.isBoardOrAdmin();
    }

    /** Admins, the Board, viewers and the portal read every session; a unit's people those of the clusters their unit is in. */
    boolean canRead(VotingSession session, Caller caller) {
        if (caller.hasAnyRole(Roles.PORTAL) || clusters.readableBy(session.clusterId, caller)) {
            return true;
        }
        // a unit that has left the cluster-year since still sees the sessions it was on the roll of
        return caller.actingUnit().map(unit -> box.onRoll(session.id, unit)).orElse(false);
    }

    /**
     * Who is on the roll and how many have voted (never how). Which units voted is shown only once the session is
     * closed: while it is open, a list that grows one name at a time would tell, next to anything else that
     * changes, whose ballot came when.
     */
    @Transactional
    public Attendance attendance(UUID id, Caller caller) {
        VotingSession session = get(id, caller);
        List<String> voted = box.voted(session.id);
        boolean closed = session.status == SessionStatus.CLOSED || session.status == SessionStatus.PUBLISHED;
        return new Attendance(box.roll(session.id), voted.size(), closed ? voted : null);
    }

    /** {@code voted} is null until the session is closed; {@code votedCount} is always there. */
    public record Attendance(List<String> roll, int votedCount, List<String> voted) {
    }

    /** The receipts of the counted ballots, once the session is closed and the caller may see its result. */
    @Transactional
    public List<String> receipts(UUID id, Caller caller) {
        VotingSession session = get(id, caller);
        if (session.status == SessionStatus.SCHEDULED || session.status == SessionStatus.OPEN || !mayReadResult(session, caller)) {
            throw Refusal.conflict("voting-result-not-published", "voting.result.not-published");
        }
        return box.receipts(session.id);
    }

    /**
     * Whether a ballot with this receipt is in the box (and so counted once the session is closed). The receipt
     * comes in a request body only, never in a path or query that access logs keep beside the caller.
     */
    @Transactional
    public boolean holds(UUID id, String receipt, Caller caller) {
        VotingSession session = get(id, caller);
        if (receipt == null || !receipt.matches("[0-9a-f]{64}")) {
            throw Refusal.unprocessable("invalid-receipt", "voting.receipt.invalid");
        }
        return box.holds(session.id, receipt);
    }

    @Transactional
    public boolean hasVoted(UUID id, String unit) {
        return box.hasVoted(id, unit);
    }

    private Map<Contest, String> electedInChain(VotingSession session) {
        Map<Contest, String> elected = new EnumMap<>(Contest.class);
        for (VotingSession at = session; at != null; at = at.runoffOf == null ? null : VotingSession.findById(at.runoffOf)) {
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

    private List<String> leadCandidates(SessionRequest request, ClusterYear cluster, Optional<FinalizedRanking> ranking) {
        boolean nominated = request.nominees() != null && !request.nominees().isEmpty();
        if (nominated == (request.topN() != null)) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.candidates.one-source");
        }
        if (nominated) {
            return members(cluster, request.nominees(), "nominees", true);
        }
        FinalizedRanking finalized = ranking.orElseThrow(() ->
                Refusal.unprocessable("ranking-not-finalized", "voting.ranking.not-finalized", cluster.code(), cluster.year()));
        if (request.topN() < 1) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.top-n.range");
        }
        // ties at the cut-off all stand: the ranking did not separate them
        return finalized.ranking.stream().filter(entry -> entry.rank() <= request.topN())
                .filter(entry -> cluster.members().contains(entry.unitCode())).map(entry -> entry.unitCode()).toList();
    }

    private static List<String> members(ClusterYear cluster, List<String> units, String field, boolean required) {
        List<String> given = units == null ? List.of() : units;
        if (required && given.isEmpty()) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.candidates.required", field);
        }
        if (given.size() > MAX_CANDIDATES) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.candidates.too-many", field, MAX_CANDIDATES);
        }
        Set<String> distinct = new LinkedHashSet<>();
        for (String unit : given) {
            if (unit == null || !cluster.members().contains(unit)) {
                throw Refusal.unprocessable("candidate-not-member", "voting.candidate.not-member", String.valueOf(unit),
                        cluster.code(), cluster.year());
            }
            if (!distinct.add(unit)) {
                throw Refusal.unprocessable("invalid-voting-session", "voting.candidate.duplicate", unit);
            }
        }
        return new ArrayList<>(distinct);
    }

    private static void addCandidates(VotingSession session, Contest contest, List<String> units, Optional<FinalizedRanking> ranking) {
        int position = 1;
        for (String unit : units) {
            var entry = ranking.flatMap(r -> r.ranking.stream().filter(e -> e.unitCode().equals(unit)).findFirst());
            Integer rank = entry.map(e -> e.rank()).orElse(null);
            BigDecimal total = entry.map(e -> e.total()).orElse(null);
            session.candidates.add(new Candidate(contest, unit, position++, rank, total));
        }
    }

    private void setTimes(VotingSession session, LocalDateTime opensAt, LocalDateTime closesAt) {
        if (opensAt == null || closesAt == null) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.times.required");
        }
        session.opensAt = opensAt.atZone(VietnamTime.ZONE).toInstant();
        session.closesAt = closesAt.atZone(VietnamTime.ZONE).toInstant();
        if (!session.closesAt.isAfter(session.opensAt) || !session.closesAt.isAfter(Instant.now(clock))) {
            throw Refusal.unprocessable("invalid-voting-session", "voting.times.order");
        }
    }

    private static VotingSession lock(UUID id) {
        VotingSession session = VotingSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw Refusal.notFound("voting-session-not-found", "voting.not-found", id);
        }
        return session;
    }

    private static void requireStatus(VotingSession session, SessionStatus wanted) {
        if (session.status != wanted) {
            throw Refusal.conflict("voting-session-state", "voting.state", session.status, wanted);
        }
    }
}
