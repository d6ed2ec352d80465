package vn.thidua.units.cluster;

import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Messages;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Requests;
import vn.thidua.units.cluster.ClusterEvents.ClusterState;
import vn.thidua.units.cluster.ClusterViews.ClusterSummary;
import vn.thidua.units.cluster.ClusterViews.ClusterView;
import vn.thidua.units.cluster.ClusterViews.MembershipView;
import vn.thidua.units.unit.UnitCode;

/**
 * Use cases of emulation clusters and blocks, year by year. Each change locks its cluster-year,
 * checks the caller's {@code If-Match}, applies the rules ({@link Roster}, {@link RollOver},
 * {@link AgreementRules}), and commits the change, its audit entry and its event together.
 */
@ApplicationScoped
public class ClusterService {
    private static final Logger LOG = Logger.getLogger(ClusterService.class);
        static final String MEMBERSHIP_UNIQUE = "cluster_membership_one_per_kind_and_year";
    static final String CODE_YEAR_UNIQUE = "cluster_year_code_year_unique";

    private final UnitDirectory units;
    private final ClusterViews views;
    private final ClusterAuditTrail audit;
    private final Outbox outbox;
    private final CloudEvents events;
    private final AgreementConfig agreements;
    private final Clock clock;

    public ClusterService(UnitDirectory units, ClusterViews views, ClusterAuditTrail audit, Outbox outbox,
                          CloudEvents events, AgreementConfig agreements, Clock clock) {
        this.units = units;
        this.views = views;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.agreements = agreements;
        this.clock = clock;
    }

    /** What a client sends to open a cluster-year; {@code members} (unit codes) may be left out. */
    public record NewCluster(@Schema(required = true, maxLength = ClusterCode.MAX_LENGTH, pattern = "^[0-9A-Za-z]+([-.][0-9A-Za-z]+)*$",
                                     description = "The same code year after year, such as CUM-07; case forgiven.") String code,
                             @Schema(required = true, maxLength = ClusterName.MAX_LENGTH) String name,
                             @Schema(required = true, enumeration = {"CLUSTER", "BLOCK"}, description = "Case forgiven.") String kind,
                             @Schema(required = true, minimum = "2000", maximum = "2100") Integer year,
                             @Schema(description = "The member units' codes (each counted once); may be left out.")
                             List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> members) {
    }

    public record NewMember(@Schema(required = true, pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH) String unitCode) {
    }

    public record LeadershipChange(@Schema(required = true, pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH,
                                           description = "A member of the cluster that year.") String leaderUnitCode,
                                   @Schema(pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH,
                                           description = "Another member; left out: no deputy.") String deputyUnitCode) {
    }

    public record AgreementChange(@Schema(required = true, description = "In the cluster's year or the year before; not in the future.") LocalDate signedOn,
                                  @Schema(required = true, minItems = 1, description = "The signing member units' codes (each counted once).")
                                  List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> signatories) {
    }

    /** The units a cluster that voted on paper recognised as leading its emulation, and the minutes' reference. */
    public record EmulationLeadersChange(@Schema(required = true, maxItems = 10, uniqueItems = true,
                                                 description = "Current members, in order; an empty list clears them.")
                                         List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> unitCodes,
                                         @Schema(maxLength = EmulationLeader.MAX_REFERENCE_LENGTH,
                                                 description = "The paper minutes' reference: required unless the list is empty.") String reference) {
    }

    /** The signed agreement's PDF with what identifies it. */
    public record StoredDocument(String clusterCode, int year, byte[] content, String sha256) {
    }

    @Transactional
    public ClusterView create(Caller caller, NewCluster request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        ClusterCode code = ClusterCode.parse(request.code());
        ClusterName name = ClusterName.parse(request.name());
        ClusterKind kind = ClusterKind.parse(request.kind());
        EmulationYear year = EmulationYear.of(request.year());
        Set<String> members = unitCodes(request.members());
        if (ClusterYear.findByCodeAndYear(code.value(), year.value()).isPresent()) {
            throw Refusal.conflict("cluster-exists", "cluster.exists", code.value(), String.valueOf(year.value()));
        }
        for (String member : members) {
            Roster.requireEligible(member, units);
            requireNotElsewhere(member, kind, year.value());
        }
        Instant now = now();
        ClusterYear cluster = ClusterYear.open(code, name, kind, year, now);
        cluster.persist();
        flush();
        for (String member : members) {
            ClusterMembership.join(cluster, member, caller.subject(), now).persist();
        }
        return commit(cluster, null, ClusterEvents.CLUSTER_CREATED, caller.subject(), now);
    }

    @Transactional
    public Page<ClusterSummary> list(Caller caller, String yearParam, String kindParam, PageRequest page) {
        ClusterAccess.ReadScope scope = ClusterAccess.readScope(caller);
        EmulationYear year = EmulationYear.parseOptional(yearParam);
        ClusterKind kind = kindParam == null || kindParam.isBlank() ? null : ClusterKind.parse(kindParam);
        if (scope.nothing()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        StringBuilder query = new StringBuilder("from ClusterYear c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            query.append(" and c.year = :year");
            params.put("year", year.value());
        }
        if (kind != null) {
            query.append(" and c.kind = :kind");
            params.put("kind", kind);
        }
        if (scope.unit().isPresent()) {
            query.append(" and exists (select 1 from ClusterMembership m where m.clusterYearId = c.id"
                    + " and m.unitCode = :unit and m.leftAt is null)");
            params.put("unit", scope.unit().get());
        }
        long total = ClusterYear.count(query.toString(), params);
        List<ClusterYear> rows = ClusterYear.<ClusterYear>find(query + " order by c.code, c.year", params)
                .range(page.offset(), page.offset() + page.size() - 1).list();
        Map<Long, Long> counts = memberCounts(rows.stream().map(c -> c.id).toList());
        List<ClusterSummary> items = rows.stream()
                .map(c -> ClusterViews.summary(c, counts.getOrDefault(c.id, 0L)))
                .toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    public ClusterView get(Caller caller, long id) {
        ClusterYear cluster = ClusterYear.get(id);
        List<String> members = ClusterMembership.currentCodes(id);
        ClusterAccess.requireRead(caller, Set.copyOf(members));
        return views.detail(cluster, members);
    }

    @Transactional
    public List<MembershipView> membershipHistory(Caller caller, long id) {
        ClusterYear.get(id);
        ClusterAccess.requireRead(caller, Set.copyOf(ClusterMembership.currentCodes(id)));
        return ClusterMembership.history(id).stream().map(views::membership).toList();
    }

    @Transactional
    public ClusterView addMember(Caller caller, long id, ExpectedVersion expected, NewMember request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        String unitCode = UnitCode.parse(request.unitCode()).value();
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        ClusterState before = state(cluster);
        roster(cluster).requireCanAdd(unitCode, units);
        requireNotElsewhere(unitCode, cluster.kind, cluster.year);
        Instant now = now();
        ClusterMembership.join(cluster, unitCode, caller.subject(), now).persist();
        cluster.touch(now);
        return commit(cluster, before, ClusterEvents.MEMBERSHIP_CHANGED, caller.subject(), now);
    }

    @Transactional
    public ClusterView removeMember(Caller caller, long id, ExpectedVersion expected, String rawUnitCode) {
        ClusterAccess.requireManage(caller);
        String unitCode = UnitCode.parse(rawUnitCode).value();
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        ClusterState before = state(cluster);
        roster(cluster).requireCanRemove(unitCode);
        Instant now = now();
        ClusterMembership.current(id, unitCode).orElseThrow().leave(caller.subject(), now);
        cluster.touch(now);
        return commit(cluster, before, ClusterEvents.MEMBERSHIP_CHANGED, caller.subject(), now);
    }

    @Transactional
    public ClusterView assignLeadership(Caller caller, long id, ExpectedVersion expected, LeadershipChange request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        Leadership proposed = new Leadership(optionalUnitCode(request.leaderUnitCode()), optionalUnitCode(request.deputyUnitCode()));
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        roster(cluster).requireValid(proposed, units);
        if (proposed.equals(cluster.leadership()) && cluster.leadershipBasis == LeadershipBasis.ASSIGNED) {
            return views.detail(cluster, ClusterMembership.currentCodes(id));
        }
        ClusterState before = state(cluster);
        Instant now = now();
        cluster.lead(proposed, LeadershipBasis.ASSIGNED);
        cluster.touch(now);
        return commit(cluster, before, ClusterEvents.LEADERSHIP_ASSIGNED, caller.subject(), now);
    }

    @Transactional
    public ClusterView recordAgreement(Caller caller, long id, ExpectedVersion expected, AgreementChange request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        Set<String> signatories = unitCodes(request.signatories());
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        AgreementRules.requireValid(request.signedOn(), signatories, roster(cluster), new EmulationYear(cluster.year), today());
        ClusterState before = state(cluster);
        Instant now = now();
        cluster.agreementSignedOn = request.signedOn();
        cluster.agreementSignatories.clear();
        cluster.agreementSignatories.addAll(signatories);
        cluster.touch(now);
        return commit(cluster, before, ClusterEvents.AGREEMENT_RECORDED, caller.subject(), now);
    }

    /**
     * Records, for a cluster-year that voted on paper, the units it recognised as leading its
     * emulation (basis RECORDED); replaces whatever was recorded before, a vote's result included.
     * An empty list clears them. The same list and reference again changes nothing.
     */
    @Transactional
    public ClusterView recordEmulationLeaders(Caller caller, long id, ExpectedVersion expected, EmulationLeadersChange request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        List<EmulationLeader> leaders = EmulationLeaderRules.recorded(request.unitCodes(), request.reference(),
                Set.copyOf(ClusterMembership.currentCodes(id)));
        if (leaders.equals(cluster.emulationLeaders)) {
            return views.detail(cluster, ClusterMembership.currentCodes(id));
        }
        ClusterState before = state(cluster);
        Instant now = now();
        cluster.recognise(leaders);
        cluster.touch(now);
        return commit(cluster, before, ClusterEvents.EMULATION_LEADERS_RECORDED, caller.subject(), now);
    }

    /**
     * Applies a published "lead and propose" vote inside the consumer's inbox transaction. The units
     * elected in its LEAD contest become the cluster-year's emulation leaders (basis VOTE), replacing
     * what was there; a runoff adds its elected to those of the round it completes. A session that
     * elected nobody changes nothing (a runoff or a new session is to come). Never refuses with a
     * problem: a vote for an unknown cluster-year, or naming units this registry does not know, is
     * logged and passed over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyEmulationVote(EmulationVote vote, String eventSource, String eventId) {
        ClusterYear cluster = ClusterYear.findById(vote.clusterId(), LockModeType.PESSIMISTIC_WRITE);
        if (cluster == null || !cluster.code.equals(vote.clusterCode().value()) || cluster.year != vote.year().value()) {
            LOG.warnf("Vote %s names cluster-year %d (%s %d), which this registry does not have; ignored",
                    vote.votingSessionId(), vote.clusterId(), vote.clusterCode().value(), vote.year().value());
            return;
        }
        if (EmulationVoteRecord.findById(vote.votingSessionId()) != null) {
            LOG.infof("Vote %s was already applied (another event of the same session); ignored", vote.votingSessionId());
            return;
        }
        Instant now = now();
        EmulationVoteRecord record = EmulationVoteRecord.of(vote, cluster.id, eventSource, eventId, now);
        record.persist();
        List<String> unknown = vote.elected().stream().filter(code -> units.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            LOG.warnf("Vote %s elected units %s that the registry does not have; its result is not applied",
                    vote.votingSessionId(), unknown);
            return;
        }
        if (vote.elected().isEmpty()) {
            return;
        }
        Set<String> round = Set.copyOf(EmulationVoteRecord.sessionsOfRound(record.roundSessionId));
        Map<String, EmulationLeader> next = new LinkedHashMap<>();
        if (vote.runoffOf() != null) {
            cluster.emulationLeaders.stream()
                    .filter(leader -> leader.basis == EmulationLeaderBasis.VOTE && round.contains(leader.votingSessionId))
                    .forEach(leader -> next.put(leader.unitCode, leader));
        }
        vote.elected().forEach(code -> next.putIfAbsent(code, EmulationLeader.voted(code, vote.votingSessionId())));
        List<EmulationLeader> leaders = List.copyOf(next.values());
        if (leaders.equals(cluster.emulationLeaders)) {
            return;
        }
        ClusterState before = state(cluster);
        cluster.recognise(leaders);
        cluster.touch(now);
        commit(cluster, before, ClusterEvents.EMULATION_LEADERS_RECORDED, eventSource + " voting session " + vote.votingSessionId(), now);
    }

    /** The largest agreement document taken, in bytes. */
    public long maxAgreementBytes() {
        return agreements.maxDocumentSize().asLongValue();
    }

    /** Whether the caller may upload the cluster-year's agreement document at this version: checked before the body is read. */
    @Transactional
    public void requireAgreementUploadable(Caller caller, long id, ExpectedVersion expected) {
        ClusterAccess.requireManage(caller);
        ClusterYear cluster = ClusterYear.get(id);
        expected.requireMatches(cluster.version);
    }

    /** Stores a received and checked agreement document (platform-web Uploads, PdfDocument), the checks made again under the lock. */
    @Transactional
    public ClusterView uploadAgreementDocument(Caller caller, long id, ExpectedVersion expected, PdfDocument pdf) {
        ClusterAccess.requireManage(caller);
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        ClusterState before = state(cluster);
        Instant now = now();
        AgreementDocument stored = AgreementDocument.findById(id);
        if (stored == null) {
            AgreementDocument.of(id, pdf.content()).persist();
        } else {
            stored.content = pdf.content();
        }
        cluster.agreementDocumentSha256 = pdf.sha256();
        cluster.agreementDocumentSize = pdf.size();
        cluster.agreementDocumentUploadedAt = now;
        cluster.touch(now);
        return commit(cluster, before, ClusterEvents.AGREEMENT_RECORDED, caller.subject(), now);
    }

    @Transactional
    public StoredDocument agreementDocument(Caller caller, long id) {
        ClusterYear cluster = ClusterYear.get(id);
        ClusterAccess.requireRead(caller, Set.copyOf(ClusterMembership.currentCodes(id)));
        AgreementDocument document = cluster.agreementDocumentSha256 == null ? null : AgreementDocument.findById(id);
        if (document == null) {
            throw Refusal.notFound("cluster-agreement-document-not-found", "cluster.agreement.document-not-found",
                    String.valueOf(id));
        }
        return new StoredDocument(cluster.code, cluster.year, document.content, cluster.agreementDocumentSha256);
    }

    /**
     * Opens next year's cluster-year from this one (see {@link RollOver}); this year's row is left
     * as it is. A result already elected for next year is used and marked applied.
     */
    @Transactional
    public ClusterView rollOver(Caller caller, long id, ExpectedVersion expected) {
        ClusterAccess.requireManage(caller);
        ClusterYear current = ClusterYear.getForUpdate(id);
        expected.requireMatches(current.version);
        EmulationYear year = new EmulationYear(current.year);
        EmulationYear next = year.next();
        ClusterYear.lockCodeAndYear(current.code, next.value());
        if (ClusterYear.findByCodeAndYear(current.code, next.value()).isPresent()) {
            throw Refusal.conflict("cluster-next-year-exists", "cluster.roll-over.exists", current.code,
                    String.valueOf(next.value()));
        }
        Optional<ElectionRecord> elected = ElectionRecord.newest(current.code, current.kind, next.value())
                .filter(e -> e.outcome == ElectionRecord.Outcome.PENDING);
        RollOver.Plan plan = RollOver.plan(year, roster(current),
                code -> units.find(code).map(MemberUnit::active).orElse(false),
                elected.map(ElectionRecord::leadership));
        for (String member : plan.members()) {
            requireNotElsewhere(member, current.kind, next.value());
        }
        Instant now = now();
        ClusterYear created = ClusterYear.open(new ClusterCode(current.code), new ClusterName(current.name), current.kind, next, now);
        created.rolledOverFromId = current.id;
        created.lead(plan.leadership(), plan.basis());
        created.persist();
        flush();
        for (String member : plan.members()) {
            ClusterMembership.join(created, member, caller.subject(), now).persist();
        }
        elected.ifPresent(result -> {
            if (plan.election() == RollOver.ElectionUse.USED) {
                result.applied(created.id);
            } else {
                result.notApplicable("Roll-over of cluster-year " + id + ": the elected units are not among the members carried over");
            }
        });
        return commit(created, null, ClusterEvents.CLUSTER_CREATED, caller.subject(), now);
    }

    /**
     * Applies a result elected by the member units, inside the consumer's inbox transaction: sets
     * the leadership of that cluster-year if it exists and the result fits it, or keeps the result
     * for the roll-over that creates the year. Results elected earlier than one already known change
     * nothing. Never refuses with a problem: what cannot be applied is recorded with its reason.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ElectionRecord.Outcome applyElection(ElectionResult result, String eventSource, String eventId) {
        Instant now = now();
        ElectionRecord record = ElectionRecord.of(result, eventSource, eventId, now);
        String code = result.clusterCode().value();
        int year = result.year().value();
        ClusterYear.lockCodeAndYear(code, year);
        Optional<ElectionRecord> newest = ElectionRecord.newest(code, result.kind(), year);
        if (newest.isPresent() && !result.electedAt().isAfter(newest.get().electedAt)) {
            record.outcome = ElectionRecord.Outcome.STALE;
            record.persist();
            LOG.infof("Election of %s %d in session %s is older than one already known; ignored", code, year, result.votingSessionId());
            return record.outcome;
        }
        newest.filter(e -> e.outcome == ElectionRecord.Outcome.PENDING)
                .ifPresent(e -> e.outcome = ElectionRecord.Outcome.SUPERSEDED);

        Optional<ClusterYear> existing = ClusterYear.findByCodeAndYear(code, year);
        if (existing.isEmpty()) {
            record.outcome = ElectionRecord.Outcome.PENDING;
            record.persist();
            return record.outcome;
        }
        ClusterYear cluster = ClusterYear.getForUpdate(existing.get().id);
        if (cluster.kind != result.kind()) {
            record.notApplicable("Cluster-year " + cluster.id + " is a " + cluster.kind + ", the result names a " + result.kind());
        } else {
            try {
                roster(cluster).requireValid(result.leadership(), units);
            } catch (Refusal refused) {
                record.notApplicable(Messages.text(Locale.ENGLISH, refused.messageKey(), refused.args()));
            }
        }
        if (record.outcome == ElectionRecord.Outcome.NOT_APPLICABLE) {
            record.persist();
            LOG.warnf("Election of %s %d in session %s not applied: %s", code, year, result.votingSessionId(), record.note);
            return record.outcome;
        }
        record.applied(cluster.id);
        record.persist();
        if (!result.leadership().equals(cluster.leadership()) || cluster.leadershipBasis != LeadershipBasis.ELECTED) {
            ClusterState before = state(cluster);
            cluster.lead(result.leadership(), LeadershipBasis.ELECTED);
            cluster.touch(now);
            commit(cluster, before, ClusterEvents.LEADERSHIP_ASSIGNED,
                    eventSource + " voting session " + result.votingSessionId(), now);
        }
        return record.outcome;
    }

    private ClusterView commit(ClusterYear cluster, ClusterState before, String eventType, String actor, Instant now) {
        flush();
        List<String> members = ClusterMembership.currentCodes(cluster.id);
        ClusterState after = ClusterState.of(cluster, members);
        outbox.publish(ClusterEvents.TOPIC, events.create(ClusterEvents.SOURCE, eventType, String.valueOf(cluster.id), after));
        audit.record(before, after, eventType, actor, now);
        return views.detail(cluster, members);
    }

    private static ClusterState state(ClusterYear cluster) {
        return ClusterState.of(cluster, ClusterMembership.currentCodes(cluster.id));
    }

    private static Roster roster(ClusterYear cluster) {
        return new Roster(ClusterMembership.currentCodes(cluster.id), cluster.leadership());
    }

    /** A unit is in at most one cluster of a kind per year; the unique index backs this check up. */
    private static void requireNotElsewhere(String unitCode, ClusterKind kind, int year) {
        Optional<ClusterMembership> other = ClusterMembership.currentOfKind(unitCode, kind, year);
        if (other.isPresent()) {
            ClusterYear cluster = ClusterYear.findById(other.get().clusterYearId);
            throw Refusal.unprocessable("cluster-member-elsewhere", "cluster.member.elsewhere", unitCode,
                    cluster.code, String.valueOf(year));
        }
    }

    private static Map<Long, Long> memberCounts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = ClusterMembership.getEntityManager().createQuery(
                        "select m.clusterYearId, count(m) from ClusterMembership m where m.clusterYearId in :ids"
                                + " and m.leftAt is null group by m.clusterYearId", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }

    /** Writes pending changes now, so that a unique constraint the database enforces is reported as its problem. */
    private static void flush() {
        try {
            ClusterYear.flush();
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String constraint = violation.getConstraintName().toLowerCase(Locale.ROOT);
                if (constraint.contains(MEMBERSHIP_UNIQUE)) {
                    return Refusal.unprocessable("cluster-member-elsewhere", "cluster.member.elsewhere-concurrent");
                }
                if (constraint.contains(CODE_YEAR_UNIQUE)) {
                    return Refusal.conflict("cluster-exists", "cluster.exists-concurrent");
                }
            }
        }
        return e;
    }

    private static Set<String> unitCodes(List<String> raw) {
        Set<String> codes = new LinkedHashSet<>();
        if (raw != null) {
            raw.stream().map(UnitCode::parse).map(UnitCode::value).forEach(codes::add);
        }
        return codes;
    }

    private static String optionalUnitCode(String raw) {
        return raw == null || raw.isBlank() ? null : UnitCode.parse(raw).value();
    }


    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
