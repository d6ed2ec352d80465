package vn.thidua.awards.council;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.council.CouncilCount.Participation;
import vn.thidua.awards.council.CouncilSession.AgendaItem;
import vn.thidua.awards.council.CouncilSession.Presence;
import vn.thidua.awards.document.DocumentSettings;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.vote.Choice;
import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.units.KnownUnit;

/**
 * The Council's terms, members and sessions: the Board sets them up and runs the sessions, the members
 * present vote, the Board records absent members' written opinions. The service loads, authorizes, asks the
 * session (which owns its rules), stores and publishes. Who may do what is checked here, whatever the gateway did.
 */
@ApplicationScoped
public class CouncilService {
    static final int MAX_MEMBERS_PER_TERM = 200;

    @Inject
    Clock clock;
    private final CouncilAgendaGate gate;
    private final CouncilBallots ballots;
    private final ClusterDirectory clusters;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Event<CouncilConcluded> concluded;
    private final Event<CandidatesPutOnAgenda> putOnAgenda;
    private final CouncilAudit audit;
    private final DocumentSettings documents;
    private final CouncilMinutesPdf minutesPdf = new CouncilMinutesPdf();

    public CouncilService(CouncilAgendaGate gate, CouncilBallots ballots, ClusterDirectory clusters, Outbox outbox, CloudEvents events,
                          Event<CouncilConcluded> concluded, DocumentSettings documents, Event<CandidatesPutOnAgenda> putOnAgenda, CouncilAudit audit) {
        this.gate = gate;
        this.ballots = ballots;
        this.clusters = clusters;
        this.outbox = outbox;
        this.events = events;
        this.concluded = concluded;
        this.putOnAgenda = putOnAgenda;
        this.audit = audit;
        this.documents = documents;
    }

    // ---- terms and members

    /** A term as the Board enters it; texts already cleaned by the resource. */
    public record TermRequest(String name, LocalDate servesFrom, LocalDate servesTo, String decisionNumber, LocalDate decisionDate) {
    }

    public record MemberRequest(String fullName, String position, CouncilRole role) {
    }

    @Transactional
    public CouncilTerm createTerm(TermRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        if (request.servesFrom() == null || request.servesTo() == null || request.decisionDate() == null) {
            throw Refusal.unprocessable("invalid-council-term", "council.term.dates-required");
        }
        if (request.servesTo().isBefore(request.servesFrom())) {
            throw Refusal.unprocessable("invalid-council-term", "council.term.dates-order");
        }
        CouncilTerm term = new CouncilTerm();
        term.name = request.name();
        term.servesFrom = request.servesFrom();
        term.servesTo = request.servesTo();
        term.decisionNumber = request.decisionNumber();
        term.decisionDate = request.decisionDate();
        term.createdBy = caller.subject();
        term.createdAt = Instant.now(clock);
        term.persist();
        return term;
    }

    /** Every term for the Board and viewers; a member sees its own. */
    @Transactional
    public List<CouncilTerm> terms(Caller caller) {
        return CouncilTerm.<CouncilTerm>list("order by servesFrom desc, id").stream().filter(term -> canReadTerm(term.id, caller)).toList();
    }

    @Transactional
    public CouncilMember addMember(long termId, MemberRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilTerm term = term(termId, caller);
        if (request.role() == null) {
            throw Refusal.unprocessable("invalid-council-member", "council.member.role-required");
        }
        if (CouncilMember.count("termId", term.id) >= MAX_MEMBERS_PER_TERM) {
            throw Refusal.unprocessable("invalid-council-member", "council.member.too-many", MAX_MEMBERS_PER_TERM);
        }
        CouncilMember member = new CouncilMember();
        member.id = UUID.randomUUID().toString();
        member.termId = term.id;
        member.fullName = request.fullName();
        member.position = request.position();
        member.role = request.role();
        member.standing = request.role().standing();
        member.createdBy = caller.subject();
        member.createdAt = Instant.now(clock);
        member.persist();
        return member;
    }

    @Transactional
    public List<CouncilMember> members(long termId, Caller caller) {
        return CouncilMember.ofTerm(term(termId, caller).id);
    }

    @Transactional
    public CouncilTerm term(long termId, Caller caller) {
        CouncilTerm term = CouncilTerm.findById(termId);
        if (term == null || !canReadTerm(termId, caller)) {
            throw Refusal.notFound("council-term-not-found", "council.term.not-found", termId);
        }
        return term;
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
                .filter(session -> canRead(session, caller)).toList();
    }

    @Transactional
    public CouncilSession get(UUID id, Caller caller) {
        CouncilSession session = CouncilSession.findById(id);
        if (session == null || !canRead(session, caller)) {
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
        session.recordAttendance(present, written, termRoll(session), !ballots.voted(session.id).isEmpty());
        audit.record(session, "ATTENDANCE", before, caller, Instant.now(clock));
        return session;
    }

    @Transactional
    public CouncilSession open(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        session.open(termRoll(session), reviews(session), Instant.now(clock));
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
        if (!canRead(session, caller)) {
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
        Map<Long, Choice> ballot = session.ballot(choices, writtenOpinion, reviews(session));
        return ballots.cast(session.id, voter, ballot)
                .orElseThrow(() -> new CouncilRefusal(CouncilProblems.ALREADY_VOTED, "council.ballot.already", voter));
    }

    @Transactional
    public CouncilSession close(UUID id, Caller caller) {
        caller.requireBoardOrAdmin();
        CouncilSession session = lock(id);
        Map<String, Object> before = CouncilAudit.stateOf(session);
        session.close(ballots.voted(session.id), ballots.ballots(session.id), reviews(session), Instant.now(clock));
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
        if (session.status != SessionStatus.CLOSED) {
            throw new CouncilRefusal(CouncilProblems.STATE, "council.state", session.status, SessionStatus.CLOSED);
        }
        Instant now = Instant.now(clock);
        byte[] minutes = minutesPdf.render(minutesOf(session));
        CouncilConcluded conclusion = session.publish(minutes, now, caller.subject());
        session.flush();
        concluded.fire(conclusion);
        CouncilResult result = session.result;
        outbox.publish(CouncilEvents.TOPIC, events.create(CouncilEvents.SOURCE, CouncilEvents.COUNCIL_CONCLUDED, session.id.toString(),
                new CouncilEvents.CouncilSessionConcluded(session.id, session.year, session.termId, session.body, session.heldOn, result.roll(),
                        result.present(), result.written(), session.agenda.stream().map(item -> {
                            CouncilResult.CandidateResult c = result.of(item.proposalId).orElseThrow();
                            return new CouncilEvents.CandidateTotals(item.proposalId, item.unitCode, item.awardTypeCode, item.clusterCode,
                                    item.ruleSetId, c.votesFor(), c.votesAgainst(), c.abstentions(), c.basis(), c.basisCount(), c.needed(),
                                    c.outcome());
                        }).toList(), now)));
        audit.record(session, "PUBLISHED", before, caller, Instant.now(clock));
        return session;
    }

    /** The receipts of the counted ballots, once the caller may see the result. */
    @Transactional
    public List<String> receipts(UUID id, Caller caller) {
        CouncilSession session = get(id, caller);
        if (!mayReadResult(session, caller)) {
            throw Refusal.conflict("council-result-not-published", "council.result.not-published");
        }
        return ballots.receipts(session.id);
    }

    /** The minutes as published, for whoever may read the session. */
    @Transactional
    public byte[] minutes(UUID id, Caller caller) {
        CouncilSession session = get(id, caller);
        if (session.minutesPdf == null) {
            throw Refusal.conflict("council-result-not-published", "council.result.not-published");
        }
        return session.minutesPdf;
    }

    /**
     * The minutes of a published session exactly as published, whoever asks (for the dossier of a candidate):
     * empty while the session is not published, or when there is no such session.
     */
    @Transactional
    public Optional<byte[]> publishedMinutes(UUID sessionId) {
        return Optional.ofNullable(CouncilSession.<CouncilSession>findById(sessionId)).map(session -> session.minutesPdf);
    }

    /** The published session that reviewed this proposal (the latest, should there be more than one), with its minutes. */
    @Transactional
    public Optional<PublishedReview> publishedReviewOf(long proposalId) {
        return CouncilSession.getEntityManager().createQuery("select s from CouncilSession s join s.agenda item where item.proposalId = ?1"
                        + " and s.status = ?2 order by s.publishedAt desc", CouncilSession.class)
                .setParameter(1, proposalId).setParameter(2, SessionStatus.PUBLISHED).setMaxResults(1).getResultStream().findFirst()
                .map(session -> new PublishedReview(session.id, session.heldOn, session.result.of(proposalId).orElseThrow(), session.minutesPdf));
    }

    /** What a published session decided about one candidate, with the session's minutes as published. */
    public record PublishedReview(UUID sessionId, LocalDate heldOn, CouncilResult.CandidateResult result, byte[] minutesPdf) {
    }

    // ---- who may read what

    /** Whether the caller may see the count: the Board once closed, every reader once published. */
    static boolean mayReadResult(CouncilSession session, Caller caller) {
        return session.status == SessionStatus.PUBLISHED || session.status == SessionStatus.CLOSED && caller.isBoardOrAdmin();
    }

    /** Admins, the Board and viewers read every session; a Council member those of its own term; nobody else any. */
    boolean canRead(CouncilSession session, Caller caller) {
        return canReadTerm(session.termId, caller);
    }

    private static boolean canReadTerm(long termId, Caller caller) {
        if (caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER)) {
            return true;
        }
        return caller.councilMember().map(id -> CouncilMember.<CouncilMember>findById(id)).map(member -> member.termId == termId).orElse(false);
    }

    // ---- helpers

    /** The roll the session would have if it opened now: its term's members, or only the standing ones. */
    List<String> termRoll(CouncilSession session) {
        if (session.status != SessionStatus.SCHEDULED) {
            return session.roll.stream().sorted().toList();
        }
        return CouncilMember.<CouncilMember>list("termId", session.termId).stream()
                .filter(member -> session.body == CouncilReview.Body.COUNCIL || member.standing).map(member -> member.id).sorted().toList();
    }

    /** The Council review of every rule set on the agenda, by rule set id. */
    static Map<Long, CouncilReview> reviews(CouncilSession session) {
        Map<Long, CouncilReview> reviews = new LinkedHashMap<>();
        for (AgendaItem item : session.agenda) {
            reviews.computeIfAbsent(item.ruleSetId, ruleSetId -> {
                RuleSet rules = RuleSet.findById(ruleSetId);
                if (rules == null || rules.council == null) {
                    // the gate admitted it under a Council review; rule sets are never edited in place, so this is a bug
                    throw new IllegalStateException("Rule set " + ruleSetId + " of session " + session.id + " has no Council review");
                }
                return rules.council;
            });
        }
        return reviews;
    }

    /** What the minutes say, gathered from the session, its term, its members and the catalogue. */
    CouncilMinutes minutesOf(CouncilSession session) {
        CouncilTerm term = CouncilTerm.findById(session.termId);
        Map<String, CouncilMember> members = new LinkedHashMap<>();
        CouncilMember.ofTerm(session.termId).forEach(member -> members.put(member.id, member));
        List<String> roll = names(members, session.roll);
        List<String> present = names(members, session.members(Presence.PRESENT));
        List<String> written = names(members, session.members(Presence.WRITTEN));
        Set<String> voted = new HashSet<>(ballots.voted(session.id));
        Set<String> writtenMembers = session.members(Presence.WRITTEN);
        int writtenCast = (int) voted.stream().filter(writtenMembers::contains).count();
        Participation participation = new Participation(session.roll.size(), voted.size() - writtenCast, writtenCast);
        Map<String, String> unitNames = KnownUnit.namesOf(session.agenda.stream().map(item -> item.unitCode).toList());
        Map<String, String> awardNames = new LinkedHashMap<>();
        session.agenda.forEach(item -> awardNames.computeIfAbsent(item.awardTypeCode,
                code -> AwardType.<AwardType>findByIdOptional(code).map(type -> type.name).orElse(code)));
        List<CouncilMinutes.Rules> rules = new ArrayList<>();
        Map<Long, CouncilReview> reviews = reviews(session);
        reviews.forEach((ruleSetId, review) -> {
            String awards = session.agenda.stream().filter(item -> item.ruleSetId == ruleSetId).map(item -> awardNames.get(item.awardTypeCode))
                    .distinct().reduce((a, b) -> a + ", " + b).orElse("");
            rules.add(new CouncilMinutes.Rules(awards, CouncilCount.quorumText(review),
                    review.thresholdFraction() != null ? review.thresholdFraction()
                            : vn.thidua.awards.document.PdfLayout.percent(review.thresholdPercent()), review.strictly(),
                    review.basis() == vn.thidua.awards.catalogue.RuleSetDefinition.VotingBasis.ALL_MEMBERS, review.countsWrittenOpinions(),
                    participation.takingPart(review), participation.quorumMet(review), review.citation()));
        });
        List<CouncilMinutes.Candidate> candidates = session.agenda.stream().map(item -> new CouncilMinutes.Candidate(
                unitNames.getOrDefault(item.unitCode, item.unitCode), item.unitCode, awardNames.get(item.awardTypeCode),
                item.clusterName == null ? item.clusterCode : item.clusterName, item.clusterCode, item.rankingTotal, item.rankingRank,
                session.result.of(item.proposalId).orElseThrow())).toList();
        return new CouncilMinutes(term.name, term.decisionNumber, term.decisionDate, session.body, session.year, session.heldOn, session.place,
                documents.place(), roll, present, written, rules, candidates);
    }

    /** The members' names, in the term's order (by role, then name). */
    private static List<String> names(Map<String, CouncilMember> members, Set<String> ids) {
        List<String> names = new ArrayList<>();
        members.forEach((id, member) -> {
            if (ids.contains(id)) {
                names.add(member.fullName);
            }
        });
        return names;
    }

    private static CouncilSession lock(UUID id) {
        CouncilSession session = CouncilSession.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (session == null) {
            throw notFound(id);
        }
        return session;
    }

    static Refusal notFound(Object id) {
        return Refusal.notFound("council-session-not-found", "council.session.not-found", id);
    }

}
