package vn.thidua.awards.council;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.council.CouncilSession.AgendaItem;
import vn.thidua.awards.council.CouncilSession.Presence;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.vote.Choice;
import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;

/**
 * The Council's terms, members and sessions: the Board sets them up and runs the sessions, the members
 * present vote, the Board records absent members' written opinions. The service loads, authorizes, asks the
 * session (which owns its rules), stores and publishes. Who may do what is checked here, whatever the gateway did.
 */
@ApplicationScoped
public class CouncilService {
    private final Clock clock;
    private final CouncilSetting setting;
    private final CouncilAgendaGate gate;
    private final CouncilBallots ballots;
    private final ClusterDirectory clusters;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Event<CouncilConcluded> concluded;
    private final Event<CandidatesPutOnAgenda> putOnAgenda;
    private final CouncilAudit audit;
    private final CouncilMinutesWriter minutes;

    public CouncilService(CouncilAgendaGate gate, CouncilBallots ballots, ClusterDirectory clusters, Outbox outbox, CloudEvents events,
                          Event<CouncilConcluded> concluded, CouncilMinutesWriter minutes, Event<CandidatesPutOnAgenda> putOnAgenda, CouncilAudit audit,
                          CouncilSetting setting, Clock clock) {
        this.setting = setting;
        this.clock = clock;
        this.gate = gate;
        this.ballots = ballots;
        this.clusters = clusters;
        this.outbox = outbox;
        this.events = events;
        this.concluded = concluded;
        this.putOnAgenda = putOnAgenda;
        this.audit = audit;
        this.minutes = minutes;
    }

    // ---- sessions

    public record SessionRequest(Integer year, Long termId, CouncilReview.Body body, LocalDate heldOn, String place) {
    }

    /** Who is present and who answered in writing, by member id. */
    public record AttendanceRequest(List<String> present, List<String> writtenOpinions) {
    }

    @Transactional
    public CouncilSession create(SessionRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        if (request.year() == null || request.termId() == null || request.body() == null || request.heldOn() == null) {
            throw Refusal.unprocessable("invalid-council-session", "council.session.required");
        }
        if (request.year() < 2000 || request.year() > 2100) {
            throw Refusal.unprocessable("invalid-council-session", "council.session.year", request.year());
        }
        CouncilTerm term = CouncilTerm.findById(request.termId());
        if (term == null) {
            throw Refusal.unprocessable("council-term-not-found", "council.term.not-found", request.termId());
        }
        CouncilSession session = CouncilSession.schedule(request.year(), term, request.body(), request.heldOn(), request.place(),
                caller.subject(), Instant.now(clock));
        session.persistAndFlush();
        audit.record(session, "CREATED", null, caller, session.createdAt);
        return session;
    }

    @Transactional
    public List<CouncilSession> list(int year, Caller caller) {
        return CouncilSession.<CouncilSession>list("year = ?1 order by heldOn, createdAt", year).stream()
                .filter(session -> CouncilAccess.canRead(session, caller)).toList();
    }

    @Transactional
    public CouncilSession get(UUID id, Caller caller) {
        CouncilSession session = CouncilSession.findById(id);
        if (session == null || !CouncilAccess.canRead(session, caller)) {
            throw notFound(id);
        }
        return session;
    }

    /** Puts proposals on the agenda, each admitted by the gate first; all or none. */
    @Transactional
    public CouncilSession addToAgenda(UUID id, List<Long> proposalIds, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        if (proposalIds == null || proposalIds.isEmpty()) {
            throw Refusal.unprocessable("invalid-council-agenda", "council.agenda.ids-required");
        }
        if (proposalIds.size() > CouncilSession.MAX_AGENDA) {
            throw Refusal.unprocessable("invalid-council-agenda", "council.agenda.too-many", CouncilSession.MAX_AGENDA);
        }
        List<AgendaItem> items = new ArrayList<>();
        for (Long proposalId : proposalIds) {
            Proposal proposal = proposalId == null ? null : Proposal.findById(proposalId);
            if (proposal == null) {
                throw Refusal.unprocessable("council-candidate-not-found", "council.agenda.proposal-not-found", String.valueOf(proposalId));
            }
            gate.admit(proposal, session);
            String clusterName = clusters.find(proposal.clusterId).map(ClusterYear::name).orElse(null);
            items.add(new AgendaItem(proposal.id, proposal.year, proposal.unitCode, proposal.awardTypeCode, proposal.ruleSetId, proposal.clusterId,
                    proposal.clusterCode, clusterName, proposal.rankingRank, proposal.rankingTotal));
        }
        session.addToAgenda(items);
        putOnAgenda.fire(new CandidatesPutOnAgenda(session.id, items.stream().map(item -> item.proposalId).toList(), caller.subject()));
        audit.record(session, "AGENDA", before, caller, Instant.now(clock));
        return session;
    }

    @Transactional
    public CouncilSession recordAttendance(UUID id, AttendanceRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        List<String> present = request.present() == null ? List.of() : request.present();
        List<String> written = request.writtenOpinions() == null ? List.of() : request.writtenOpinions();
        if (present.contains(null) || written.contains(null)) {
            throw Refusal.unprocessable("invalid-council-attendance", "council.attendance.null");
        }
        session.recordAttendance(present, written, setting.roll(session), !ballots.voted(session.id).isEmpty());
        audit.record(session, "ATTENDANCE", before, caller, Instant.now(clock));
        return session;
    }

    @Transactional
    public CouncilSession open(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        session.open(setting.roll(session), setting.reviews(session), Instant.now(clock));
        audit.record(session, "OPENED", before, caller, Instant.now(clock));
        return session;
    }

    /**
     * A member present casts its ballot, or the Board records the written opinion of an absent member
     * ({@code member} names it). The session row is locked for the cast, so the closing waits for a cast in
     * progress and no ballot gets in after it.
     *
     * @return the receipt, which only the voter ever sees
     */
    @Transactional
    public String cast(UUID id, String forMember, Map<String, String> choices, Caller caller) {
        Optional<String> member = caller.councilMember();
        boolean writtenOpinion = member.isEmpty() && caller.isBoardOrAdmin();
        if (member.isEmpty() && !writtenOpinion) {
            throw new ForbiddenException("only a Council member casts a ballot, or the Board records a written opinion");
        }
        CouncilSession session = lock(id);
        if (!CouncilAccess.canRead(session, caller)) {
            throw notFound(id);
        }
        String voter;
        if (writtenOpinion) {
            if (forMember == null || !session.members(Presence.WRITTEN).contains(forMember)) {
                throw Refusal.unprocessable("invalid-council-ballot", "council.ballot.not-written", String.valueOf(forMember));
            }
            voter = forMember;
        } else {
            voter = member.get();
            if (forMember != null && !forMember.equals(voter)) {
                throw new ForbiddenException("a Council member casts only its own ballot");
            }
            if (session.status == SessionStatus.OPEN && !(session.roll.contains(voter) && session.members(Presence.PRESENT).contains(voter))) {
                throw new ForbiddenException("member " + voter + " is not present at session " + id);
            }
        }
        Map<Long, Choice> ballot = session.ballot(choices, writtenOpinion, setting.reviews(session));
        return ballots.cast(session.id, voter, ballot)
                .orElseThrow(() -> new CouncilRefusal(CouncilProblems.ALREADY_VOTED, "council.ballot.already", voter));
    }

    @Transactional
    public CouncilSession close(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        session.close(ballots.voted(session.id), ballots.ballots(session.id), setting.reviews(session), Instant.now(clock));
        audit.record(session, "CLOSED", before, caller, Instant.now(clock));
        return session;
    }

    /**
     * Publishes the result: the minutes are rendered once and kept, the proposals hear of it (CDI, in this
     * transaction) and so do the other services (outbox).
     */
    @Transactional
    public CouncilSession publish(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        session.requirePublishable();
        Instant now = Instant.now(clock);
        CouncilConcluded conclusion = session.publish(minutes.render(session), now, caller.subject());
        session.flush();
        concluded.fire(conclusion);
        outbox.publish(CouncilEvents.TOPIC, events.create(CouncilEvents.SOURCE, CouncilEvents.COUNCIL_CONCLUDED, session.id.toString(),
                session.concludedEvent()));
        audit.record(session, "PUBLISHED", before, caller, Instant.now(clock));
        return session;
    }

    // ---- helpers

    private static CouncilSession lock(UUID id) {
        CouncilSession session = CouncilSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw notFound(id);
        }
        return session;
    }

    /** The roll the session would have if it opened now ({@link CouncilSetting#roll}). */
    List<String> roll(CouncilSession session) {
        return setting.roll(session);
    }

    /** The Council review of every rule set on the agenda ({@link CouncilSetting#reviews}). */
    Map<Long, CouncilReview> reviews(CouncilSession session) {
        return setting.reviews(session);
    }

    static Refusal notFound(Object id) {
        return Refusal.notFound("council-session-not-found", "council.session.not-found", id);
    }

}
