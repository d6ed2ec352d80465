package vn.thidua.awards.vote;

import io.micrometer.core.annotation.Counted;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.ranking.Rankings;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;

/**
 * The life of a voting session: the Board sets it up ({@link SessionSetup}), opens, closes and publishes it; each
 * member unit's representative casts that unit's one ballot. Each use case loads the session, checks who may take the
 * step (here and in {@link VotingAccess}, whatever the gateway did), lets the session take it ({@link VotingSession})
 * and keeps it, publishing what it tells the others.
 */
@ApplicationScoped
public class VotingService {
    static final int MAX_CANDIDATES = 50;

    private final Clock clock;
    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;
    private final Rankings rankings;
    private final BallotBox box;
    private final Outbox outbox;
    private final CloudEvents events;
    private final SessionSetup setup;
    private final VotingAccess access;

    public VotingService(ClusterDirectory clusters, CatalogueService catalogue, Rankings rankings, BallotBox box, Outbox outbox,
                         CloudEvents events, SessionSetup setup, VotingAccess access, Clock clock) {
        this.clock = clock;
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.rankings = rankings;
        this.box = box;
        this.outbox = outbox;
        this.events = events;
        this.setup = setup;
        this.access = access;
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
        VotingSession session = setup.schedule(request, caller);
        session.persist();
        return session;
    }

    /** The Board opens the session: the voter roll is fixed as the cluster-year's members at this moment. */
    @Transactional
    public VotingSession open(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession session = lock(id);
        List<String> members = clusters.find(session.clusterId).map(ClusterYear::members).orElse(List.of());
        session.open(members, Instant.now(clock));
        box.enrol(session.id, members);
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
            throw new ForbiddenException("only a unit's representative casts its unit's ballot");
        }
        String unit = caller.unit().get();
        VotingSession session = lock(id);
        if (!access.canRead(session, caller)) {
            // another cluster's session: as for a read, its existence is not told (404, not 403)
            throw notFound(id);
        }
        if (!box.onRoll(session.id, unit)) {
            if (session.status == SessionStatus.SCHEDULED && clusters.isMember(session.clusterId, unit)) {
                throw Refusal.conflict("voting-session-not-open", "voting.not-open");
            }
            throw new ForbiddenException(unit + " is not on the voter roll of session " + id);
        }
        session.requireOpenForBallotsAt(Instant.now(clock));
        Ballot ballot = Ballot.mark(marks, session.paper());
        return box.cast(session.id, unit, ballot)
                .orElseThrow(() -> Refusal.conflict("ballot-already-cast", "voting.already-voted", unit));
    }

    /** The Board closes the session and the ballots are counted; quorum is checked now ({@link VotingSession#close}). */
    @Transactional
    public VotingSession close(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession session = lock(id);
        List<Ballot> ballots = box.ballots(session.id).stream().map(BallotBox.StoredBallot::ballot).toList();
        session.close(box.roll(session.id).size(), box.voted(session.id).size(), ballots, rules(session).voting, Instant.now(clock));
        return session;
    }

    /** The Board publishes the result: from now on the session never changes, and the others hear of it. */
    @Transactional
    public VotingSession publish(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession session = lock(id);
        VotingSession.Published published = session.publish(rules(session).legalBasis, box.voted(session.id),
                session.electedInChain(VotingService::find), Instant.now(clock));
        session.flush();
        outbox.publish(VotingEvents.TOPIC, events.create(VotingEvents.SOURCE, VotingEvents.VOTE_CONCLUDED,
                VotingEvents.key(session.clusterCode, session.year), published.concluded()));
        published.leaderElected().ifPresent(elected -> outbox.publish(VotingEvents.TOPIC, events.create(VotingEvents.SOURCE,
                VotingEvents.CLUSTER_LEADER_ELECTED, VotingEvents.key(session.clusterCode, session.leadsYear), elected)));
        return session;
    }

    /** The Board calls a runoff for the places a published session left open, under the same rule set. */
    @Transactional
    public VotingSession runoff(UUID id, RunoffRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        VotingSession original = lock(id);
        original.requireRunoffNeeded();
        if (VotingSession.count("runoffOf", original.id) > 0) {
            throw Refusal.conflict("runoff-exists", "voting.runoff.exists");
        }
        VotingSession runoff = original.runoff(UUID.randomUUID(), request == null ? null : request.opensAt(),
                request == null ? null : request.closesAt(), VotingService::find, rankings.finalizedOf(original.clusterId).orElse(List.of()),
                caller.subject(), Instant.now(clock));
        runoff.persist();
        return runoff;
    }

    /** The sessions the caller may see, of one year and optionally one cluster-year, in cluster then creation order. */
    @Transactional
    public List<VotingSession> list(int year, Long clusterId, Caller caller) {
        List<VotingSession> sessions = clusterId == null
                ? VotingSession.list("year = ?1 order by clusterCode, createdAt", year)
                : VotingSession.list("year = ?1 and clusterId = ?2 order by createdAt", year, clusterId);
        return sessions.stream().filter(s -> access.canRead(s, caller)).toList();
    }

    @Transactional
    public VotingSession get(UUID id, Caller caller) {
        VotingSession session = VotingSession.findById(id);
        if (session == null || !access.canRead(session, caller)) {
            throw notFound(id);
        }
        session.candidates.size();
        return session;
    }

    /** {@code voted} is null until the session is closed; {@code votedCount} is always there ({@link VotingRecords#attendance}). */
    public record Attendance(List<String> roll, int votedCount, List<String> voted) {
    }

    @Transactional
    public boolean hasVoted(UUID id, String unit) {
        return box.hasVoted(id, unit);
    }

    private static VotingSession lock(UUID id) {
        VotingSession session = VotingSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw notFound(id);
        }
        return session;
    }

    private static VotingSession find(UUID id) {
        return VotingSession.findById(id);
    }

    private RuleSet rules(VotingSession session) {
        return catalogue.ruleSet(session.ruleSetId).orElseThrow();
    }

    private static Refusal notFound(UUID id) {
        return Refusal.notFound("voting-session-not-found", "voting.not-found", id);
    }
}
