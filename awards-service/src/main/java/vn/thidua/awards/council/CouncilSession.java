package vn.thidua.awards.council;

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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.thidua.awards.catalogue.CouncilReview;
import vn.thidua.awards.council.CouncilCount.Participation;
import vn.thidua.awards.council.CouncilCount.Rules;
import vn.thidua.awards.vote.Choice;
import vn.thidua.awards.vote.SessionStatus;

/**
 * A session of the Council (or of its standing members) reviewing the year's candidates, and its secret
 * ballot. Its life is SCHEDULED (agenda and attendance are set) → OPEN (the roll is fixed; ballots taken)
 * → CLOSED (counted) → PUBLISHED (the minutes are fixed; nothing changes any more). Each transition is one
 * method here that checks it may happen and returns what happened; ballots themselves are kept apart,
 * where nothing ties them to their voter ({@link CouncilBallots}).
 */
@jakarta.persistence.Entity
@Table(name = "council_session")
public class CouncilSession extends PanacheEntityBase {
    static final int MAX_AGENDA = 200;

    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(name = "term_id", nullable = false)
    public long termId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public CouncilReview.Body body;

    @Column(name = "held_on", nullable = false)
    public LocalDate heldOn;

    @Column(nullable = false, length = 300)
    public String place;

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
    public CouncilResult result;

    /** The minutes as published, so that they never change afterwards (a proposal's dossier files them). */
    @Column(name = "minutes_pdf")
    public byte[] minutesPdf;

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @ElementCollection
    @CollectionTable(name = "council_agenda_item", joinColumns = @JoinColumn(name = "session_id"))
    @OrderBy("position")
    public List<AgendaItem> agenda = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "council_attendance", joinColumns = @JoinColumn(name = "session_id"))
    public Set<Attendee> attendance = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "council_roll", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "member_id", length = 36)
    public Set<String> roll = new HashSet<>();

    /** A candidate: a proposal as it stood when put on the agenda. */
    @Embeddable
    public static class AgendaItem {
        @Column(name = "proposal_id", nullable = false)
        public long proposalId;

        @Column(nullable = false)
        public int position;

        @Column(name = "unit_code", nullable = false, length = 35)
        public String unitCode;

        @Column(name = "award_type_code", nullable = false, length = 40)
        public String awardTypeCode;

        @Column(name = "rule_set_id", nullable = false)
        public long ruleSetId;

        @Column(name = "cluster_id", nullable = false)
        public long clusterId;

        @Column(name = "cluster_code", nullable = false, length = 20)
        public String clusterCode;

        @Column(name = "cluster_name", length = 300)
        public String clusterName;

        @Column(name = "ranking_rank")
        public Integer rankingRank;

        @Column(name = "ranking_total", precision = 8, scale = 2)
        public BigDecimal rankingTotal;

        /** The proposal's year: checked against the session's, not stored twice. */
        transient int year;

        public AgendaItem() {
        }

        public AgendaItem(long proposalId, int year, String unitCode, String awardTypeCode, long ruleSetId, long clusterId, String clusterCode,
                          String clusterName, Integer rankingRank, BigDecimal rankingTotal) {
            this.proposalId = proposalId;
            this.year = year;
            this.unitCode = unitCode;
            this.awardTypeCode = awardTypeCode;
            this.ruleSetId = ruleSetId;
            this.clusterId = clusterId;
            this.clusterCode = clusterCode;
            this.clusterName = clusterName;
            this.rankingRank = rankingRank;
            this.rankingTotal = rankingTotal;
        }
    }

    public enum Presence {
        PRESENT,
        WRITTEN
    }

    /** A member present, or absent with a written opinion. */
    @Embeddable
    public static class Attendee {
        @Column(name = "member_id", nullable = false, length = 36)
        public String memberId;

        @Enumerated(EnumType.STRING)
        @Column(name = "attendance", nullable = false, length = 10)
        public Presence presence;

        public Attendee() {
        }

        Attendee(String memberId, Presence presence) {
            this.memberId = memberId;
            this.presence = presence;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Attendee that && memberId.equals(that.memberId) && presence == that.presence;
        }

        @Override
        public int hashCode() {
            return memberId.hashCode() * 31 + presence.hashCode();
        }
    }

    /** The session was opened: the roll fixed, the quorum reached on paper. */
    public record Opened(UUID sessionId, int roll, int present, int written, Instant at) {
    }

    /** The session was closed and counted. */
    public record Closed(UUID sessionId, CouncilResult result, Instant at) {
    }

    public static CouncilSession schedule(int year, CouncilTerm term, CouncilReview.Body body, LocalDate heldOn, String place, String by,
                                          Instant now) {
        if (!term.serves(heldOn)) {
            throw new CouncilRefusal("council-session-outside-term", "council.session.outside-term", heldOn.toString(), term.name,
                    term.servesFrom.toString(), term.servesTo.toString());
        }
        if (heldOn.getYear() < year) {
            throw new CouncilRefusal("invalid-council-session", "council.session.held-before-year", heldOn.toString(), year);
        }
        CouncilSession session = new CouncilSession();
        session.id = UUID.randomUUID();
        session.year = year;
        session.termId = term.id;
        session.body = body;
        session.heldOn = heldOn;
        session.place = place;
        session.status = SessionStatus.SCHEDULED;
        session.createdBy = by;
        session.createdAt = now;
        return session;
    }

    /** Puts candidates on the agenda (the gate has admitted each); only while scheduled, each once, of the session's year. */
    public void addToAgenda(List<AgendaItem> items) {
        requireStatus(SessionStatus.SCHEDULED);
        Set<Long> onAgenda = new HashSet<>(agenda.stream().map(item -> item.proposalId).toList());
        if (agenda.size() + items.size() > MAX_AGENDA) {
            throw new CouncilRefusal("invalid-council-agenda", "council.agenda.too-many", MAX_AGENDA);
        }
        for (AgendaItem item : items) {
            if (!onAgenda.add(item.proposalId)) {
                throw new CouncilRefusal("invalid-council-agenda", "council.agenda.duplicate", item.proposalId);
            }
            if (item.year != year) {
                throw new CouncilRefusal("invalid-council-agenda", "council.agenda.year", item.proposalId, item.year, year);
            }
        }
        int position = agenda.stream().mapToInt(item -> item.position).max().orElse(0);
        for (AgendaItem item : items) {
            item.position = ++position;
            agenda.add(item);
        }
    }

    /**
     * Records who is present and who answered in writing, replacing what was recorded: while scheduled, or open
     * before any ballot (after one, the participation the quorum rests on could no longer be checked honestly).
     *
     * @param termRoll the members the roll would hold if the session opened now (used while scheduled)
     */
    public void recordAttendance(Collection<String> present, Collection<String> written, Collection<String> termRoll, boolean anyBallot) {
        if (status == SessionStatus.OPEN && anyBallot) {
            throw new CouncilRefusal(CouncilProblems.AFTER_BALLOTS, "council.attendance.after-ballots");
        }
        if (status != SessionStatus.SCHEDULED && status != SessionStatus.OPEN) {
            throw new CouncilRefusal(CouncilProblems.STATE, "council.state", status, SessionStatus.SCHEDULED + "/" + SessionStatus.OPEN);
        }
        Collection<String> eligible = status == SessionStatus.OPEN ? roll : termRoll;
        Set<String> presentSet = new LinkedHashSet<>(present);
        for (String member : presentSet) {
            if (written.contains(member)) {
                throw new CouncilRefusal("invalid-council-attendance", "council.attendance.both", member);
            }
        }
        for (String member : concat(presentSet, written)) {
            if (!eligible.contains(member)) {
                throw new CouncilRefusal("invalid-council-attendance", "council.attendance.not-on-roll", member);
            }
        }
        attendance.clear();
        presentSet.forEach(member -> attendance.add(new Attendee(member, Presence.PRESENT)));
        new LinkedHashSet<>(written).forEach(member -> attendance.add(new Attendee(member, Presence.WRITTEN)));
    }

    /**
     * Opens the ballot: the roll is fixed as given, and every candidate's rules must find a quorum in the
     * attendance recorded (members present, and written opinions where the rules count them).
     *
     * @param reviews the rules of each rule set on the agenda, by rule set id
     */
    public Opened open(Collection<String> termRoll, Map<Long, CouncilReview> reviews, Instant now) {
        requireStatus(SessionStatus.SCHEDULED);
        if (agenda.isEmpty()) {
            throw new CouncilRefusal("council-agenda-empty", "council.agenda.empty");
        }
        Participation participation = new Participation(termRoll.size(), members(Presence.PRESENT).size(), members(Presence.WRITTEN).size());
        requireQuorum(reviews, participation, "council.quorum.open");
        roll.clear();
        roll.addAll(termRoll);
        status = SessionStatus.OPEN;
        openedAt = now;
        return new Opened(id, roll.size(), participation.present(), participation.written(), now);
    }

    /**
     * Closes the ballot and counts it. The quorum is checked again on who actually took part: members present
     * who voted, and written opinions recorded; too few and the session stays open.
     *
     * @param voted   the members whose ballot is in the box (in person or as a written opinion)
     * @param ballots every ballot, as choices by proposal id
     */
    public Closed close(Collection<String> voted, List<Map<Long, Choice>> ballots, Map<Long, CouncilReview> reviews, Instant now) {
        requireStatus(SessionStatus.OPEN);
        Set<String> writtenMembers = members(Presence.WRITTEN);
        int written = (int) voted.stream().filter(writtenMembers::contains).count();
        Participation participation = new Participation(roll.size(), voted.size() - written, written);
        requireQuorum(reviews, participation, "council.quorum.close");
        Map<Long, Rules> candidates = new LinkedHashMap<>();
        agenda.forEach(item -> candidates.put(item.proposalId, new Rules(item.ruleSetId, reviews.get(item.ruleSetId))));
        result = CouncilCount.count(candidates, participation, ballots);
        status = SessionStatus.CLOSED;
        closedAt = now;
        return new Closed(id, result, now);
    }

    /** Only a closed session is published: checked before its minutes are written, which need its count. */
    public void requirePublishable() {
        requireStatus(SessionStatus.CLOSED);
    }

    /** What the other services hear of a published session: the totals of each candidate, never a ballot. */
    CouncilEvents.CouncilSessionConcluded concludedEvent() {
        requireStatus(SessionStatus.PUBLISHED);
        return new CouncilEvents.CouncilSessionConcluded(id, year, termId, body, heldOn, result.roll(), result.present(), result.written(),
                agenda.stream().map(item -> {
                    CouncilResult.CandidateResult c = result.of(item.proposalId).orElseThrow();
                    return new CouncilEvents.CandidateTotals(item.proposalId, item.unitCode, item.awardTypeCode, item.clusterCode,
                            item.ruleSetId, c.votesFor(), c.votesAgainst(), c.abstentions(), c.basis(), c.basisCount(), c.needed(),
                            c.outcome());
                }).toList(), publishedAt);
    }

    /** Publishes the result with its minutes, which are kept as they are: from now on nothing changes. */
    public CouncilConcluded publish(byte[] minutes, Instant now, String publishedBy) {
        requireStatus(SessionStatus.CLOSED);
        if (minutes == null || minutes.length == 0) {
            throw new IllegalStateException("A Council session is published with its minutes");
        }
        minutesPdf = minutes;
        status = SessionStatus.PUBLISHED;
        publishedAt = now;
        return new CouncilConcluded(id, agenda.stream().map(item -> result.of(item.proposalId).orElseThrow())
                .map(c -> new CouncilConcluded.CandidateOutcome(c.proposalId(), c.outcome(), c.tally())).toList(), publishedBy);
    }

    /**
     * Reads a ballot against the agenda: a choice for every candidate, none other. A written opinion counts
     * only for the candidates whose rules count written opinions: its choices on the others are left out of
     * the box (the member's opinion was heard, the rules do not count it).
     */
    public Map<Long, Choice> ballot(Map<String, String> marks, boolean writtenOpinion, Map<Long, CouncilReview> reviews) {
        requireStatus(SessionStatus.OPEN);
        if (marks == null || marks.isEmpty()) {
            throw new CouncilRefusal("invalid-council-ballot", "council.ballot.empty");
        }
        Map<Long, Choice> choices = new java.util.TreeMap<>();
        for (Map.Entry<String, String> mark : marks.entrySet()) {
            Long proposalId = parseId(mark.getKey());
            AgendaItem item = proposalId == null ? null : item(proposalId);
            if (item == null) {
                throw new CouncilRefusal("invalid-council-ballot", "council.ballot.not-on-agenda", mark.getKey());
            }
            Choice choice = parseChoice(mark.getValue());
            if (choice == null) {
                throw new CouncilRefusal("invalid-council-ballot", "council.ballot.choice", String.valueOf(mark.getValue()), mark.getKey());
            }
            choices.put(proposalId, choice);
        }
        List<Long> missing = agenda.stream().map(item -> item.proposalId).filter(id -> !choices.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            throw new CouncilRefusal("invalid-council-ballot", "council.ballot.incomplete", missing.toString());
        }
        if (writtenOpinion) {
            choices.keySet().removeIf(proposalId -> !reviews.get(item(proposalId).ruleSetId).countsWrittenOpinions());
            if (choices.isEmpty()) {
                throw new CouncilRefusal("council-written-not-counted", "council.ballot.written-not-counted");
            }
        }
        return choices;
    }

    public Set<String> members(Presence presence) {
        Set<String> members = new TreeSet<>();
        attendance.stream().filter(a -> a.presence == presence).forEach(a -> members.add(a.memberId));
        return members;
    }

    public AgendaItem item(long proposalId) {
        return agenda.stream().filter(item -> item.proposalId == proposalId).findFirst().orElse(null);
    }

    /** Whether the session still has a say on its candidates: every state before publication. */
    public boolean pending() {
        return status != SessionStatus.PUBLISHED;
    }

    private static void requireQuorum(Map<Long, CouncilReview> reviews, Participation participation, String messageKey) {
        CouncilCount.shortOfQuorum(reviews.values(), participation).ifPresent(review -> {
            throw new CouncilRefusal("council-no-quorum", messageKey, participation.present(), participation.written(), participation.roll(),
                    CouncilCount.quorumText(review), review.citation(), participation.takingPart(review),
                    review.countsWrittenOpinions() ? 1 : 0);
        });
    }

    private void requireStatus(SessionStatus wanted) {
        if (status != wanted) {
            throw new CouncilRefusal(CouncilProblems.STATE, "council.state", status, wanted);
        }
    }

    private static Collection<String> concat(Collection<String> a, Collection<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Long parseId(String text) {
        try {
            return text == null ? null : Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Choice parseChoice(String text) {
        for (Choice choice : Choice.values()) {
            if (choice.name().equals(text)) {
                return choice;
            }
        }
        return null;
    }
}
