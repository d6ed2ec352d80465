package vn.thidua.awards.proposal;

import vn.thidua.platform.domain.Refusal;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.thidua.awards.catalogue.AwardLevel;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.catalogue.RuleSetChoice;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.condition.Outcome;
import vn.thidua.awards.condition.Verdict;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.awards.proceeding.ProceedingService;
import vn.thidua.awards.quota.LeadersOutside;
import vn.thidua.awards.rating.TaskRatingService;
import vn.thidua.awards.registration.YearEndReports;
import vn.thidua.awards.ledger.AwardHistory;
import vn.thidua.awards.ledger.LedgerEntry;
import vn.thidua.awards.ranking.FinalizedRanking;
import vn.thidua.awards.registration.RegisteredTitles;
import vn.thidua.awards.vote.Contest;
import vn.thidua.awards.vote.Purpose;
import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.awards.vote.VotingSession;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.web.FileNames;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Uploads;

/**
 * Proposals from the cluster's vote to the decision: who may take each step is checked here, each
 * step is one guarded transition of {@link ProposalStatus}, audited, published through the outbox
 * and announced to the rest of the service ({@link ProposalMoved}) in the same transaction.
 */
@ApplicationScoped
public class ProposalService {
    
    @Inject
    Clock clock;
    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;
    private final AwardHistory history;
    private final RegisteredTitles registrations;
    private final Dossier dossier;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Event<ProposalMoved> moved;
    private final YearEndReports yearEndReports;
    private final TaskRatingService ratings;
    private final ProceedingService proceedings;

    public ProposalService(ClusterDirectory clusters, CatalogueService catalogue, AwardHistory history, RegisteredTitles registrations,
                           Dossier dossier, Outbox outbox, CloudEvents events, Event<ProposalMoved> moved, YearEndReports yearEndReports,
                           TaskRatingService ratings, ProceedingService proceedings) {
        this.clusters = clusters;
        this.catalogue = catalogue;
        this.history = history;
        this.registrations = registrations;
        this.yearEndReports = yearEndReports;
        this.ratings = ratings;
        this.proceedings = proceedings;
        this.dossier = dossier;
        this.outbox = outbox;
        this.events = events;
        this.moved = moved;
    }

    /**
     * From a published vote ({@code votingSessionId}, and the unit if it elected more than one), or for a unit, award and
     * cluster-year. {@code receivedOn}: the day a past dossier reached the Board, which only the Board may state.
     */
    @Schema(description = "From a published vote (`votingSessionId`, and `unitCode` when several were elected), or without one: "
            + "`unitCode`, `awardTypeCode` and `clusterId` then all required.")
    public record ProposalRequest(UUID votingSessionId, String unitCode, String awardTypeCode, Long clusterId,
                                  @Schema(description = "The day the dossier was received; only the Board states it, never in the future.") LocalDate receivedOn) {
        public ProposalRequest(UUID votingSessionId, String unitCode, String awardTypeCode, Long clusterId) {
            this(votingSessionId, unitCode, awardTypeCode, clusterId, null);
        }
    }

    /** Each condition's verdict, and why the rule set they come from judges the proposal. */
    public record Judgement(RuleSetChoice ruleSetChosenBecause, List<Verdict> verdicts) {
    }

    /** The Board's finding on an ATTESTED condition of a proposal. */
    public record AttestationRecord(String key, boolean holds, String basis, String actor, Instant at) {
    }

    /** A decision as the Board or the portal records it for one proposal. */
    public record DecisionRecord(String number, LocalDate date, String authority) {
    }

    /**
     * Puts a unit forward. Who may propose is settled first, on the cluster-year alone: a caller who
     * may not propose there gets the same 403 whether the vote or cluster named exists or not, and
     * learns nothing of its members, its vote or its result; only then are those checked.
     */
    @Transactional
    public Proposal create(ProposalRequest request, Caller caller) {
        Proposal proposal = new Proposal();
        ClusterYear cluster;
        if (request.votingSessionId() != null) {
            VotingSession session = VotingSession.findById(request.votingSessionId());
            cluster = session == null ? null : clusters.find(session.clusterId).orElse(null);
            requireProposer(cluster, caller);
            if (session == null || session.status != SessionStatus.PUBLISHED || session.purpose != Purpose.LEAD_AND_PROPOSE) {
                throw Refusal.unprocessable("vote-not-published", "proposal.vote.not-published", request.votingSessionId());
            }
            List<String> elected = session.result.elected(Contest.LEAD);
            String unit = request.unitCode() != null ? request.unitCode() : elected.isEmpty() ? null : elected.get(0);
            if (unit == null || !elected.contains(unit)) {
                throw Refusal.unprocessable("unit-not-elected", "proposal.vote.not-elected", String.valueOf(unit));
            }
            proposal.unitCode = unit;
            proposal.awardTypeCode = session.awardTypeCode;
            proposal.votingSessionId = session.id;
        } else {
            cluster = request.clusterId() == null ? null : clusters.find(request.clusterId()).orElse(null);
            requireProposer(cluster, caller);
            if (request.unitCode() == null || request.awardTypeCode() == null || request.clusterId() == null) {
                throw Refusal.unprocessable("invalid-proposal", "proposal.request.required");
            }
            if (cluster == null) {
                throw Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", request.clusterId());
            }
            if (!cluster.hasMember(request.unitCode())) {
                throw Refusal.unprocessable("unit-not-member", "proposal.unit.not-member", request.unitCode(), cluster.code(), cluster.year());
            }
            proposal.unitCode = request.unitCode();
            proposal.awardTypeCode = catalogue.get(request.awardTypeCode()).code;
        }
        proposal.year = cluster.year();
        if (request.receivedOn() != null) {
            if (!caller.isBoardOrAdmin()) {
                throw new io.quarkus.security.ForbiddenException("only the Board states the day a dossier was received");
            }
            if (request.receivedOn().isAfter(today())) {
                throw Refusal.unprocessable("invalid-proposal", "proposal.received.future", request.receivedOn().toString());
            }
            proposal.receivedOn = request.receivedOn();
        }
        choose(proposal);
        proposal.clusterId = cluster.id();
        proposal.clusterCode = cluster.code();
        if (Proposal.count("unitCode = ?1 and awardTypeCode = ?2 and year = ?3 and status not in ?4", proposal.unitCode,
                proposal.awardTypeCode, proposal.year, List.of(ProposalStatus.REJECTED, ProposalStatus.REVOKED)) > 0) {
            throw Refusal.conflict("proposal-exists", "proposal.exists", proposal.unitCode, proposal.awardTypeCode, proposal.year);
        }
        FinalizedRanking ranking = FinalizedRanking.findById(cluster.id());
        if (ranking != null) {
            ranking.ranking.stream().filter(e -> e.unitCode().equals(proposal.unitCode)).findFirst().ifPresent(entry -> {
                proposal.rankingRank = entry.rank();
                proposal.rankingTotal = entry.total();
                proposal.rankingSetVersion = ranking.criteriaSetVersion;
            });
        }
        proposal.earlierAwards = earlierAwards(proposal);
        proposal.status = ProposalStatus.DRAFT;
        proposal.createdBy = caller.subject();
        proposal.createdAt = Instant.now(clock);
        proposal.updatedAt = proposal.createdAt;
        proposal.persistAndFlush();
        if (proposal.votingSessionId != null) {
            dossier.attachMinutes(proposal, caller);
        }
        record(proposal, new ProposalMoved(proposal.id, null, ProposalStatus.DRAFT), caller);
        return proposal;
    }

    /** Every condition of the proposal's rule set with its verdict. */
    @Transactional
    public Judgement eligibility(long id, Caller caller) {
        Proposal proposal = get(id, caller);
        if (proposal.receivedOn == null && proposal.status == ProposalStatus.DRAFT) {
            // not received yet: judged as if received today, so the draft shows what submitting now would meet
            choose(proposal);
        }
        return new Judgement(proposal.ruleSetChosenBecause, eligibility(proposal));
    }

    /** Records the Board's finding on a condition that only people can judge (ATTESTED {@code key}); the latest counts. */
    @Transactional
    public AttestationRecord attest(long id, String key, boolean holds, String basis, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = lock(id);
        if (proposal.status == ProposalStatus.DECIDED || proposal.status == ProposalStatus.REVOKED || proposal.status == ProposalStatus.REJECTED) {
            throw Refusal.conflict("proposal-decided", "proposal.attestation.decided", proposal.status);
        }
        AttestationRecord record = new AttestationRecord(key, holds, basis, caller.subject(), Instant.now(clock));
        Proposal.getEntityManager().createNativeQuery("""
                        INSERT INTO proposal_attestation (proposal_id, key, holds, basis, actor, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                .setParameter(1, proposal.id).setParameter(2, key).setParameter(3, holds).setParameter(4, basis)
                .setParameter(5, record.actor()).setParameter(6, record.at()).executeUpdate();
        return record;
    }

    /** The latest finding of each key, oldest key first. */
    @Transactional
    public List<AttestationRecord> attestations(long id, Caller caller) {
        return attestations(get(id, caller).id);
    }

    @SuppressWarnings("unchecked")
    private static List<AttestationRecord> attestations(long proposalId) {
        List<Object[]> rows = Proposal.getEntityManager().createNativeQuery("""
                        SELECT DISTINCT ON (key) key, holds, basis, actor, at FROM proposal_attestation WHERE proposal_id = ?1
                        ORDER BY key, id DESC""").setParameter(1, proposalId).getResultList();
        return rows.stream().map(r -> new AttestationRecord((String) r[0], (Boolean) r[1], (String) r[2], (String) r[3],
                r[4] instanceof java.time.OffsetDateTime at ? at.toInstant() : (Instant) r[4])).toList();
    }

    @Transactional
    public Proposal submit(long id, Caller caller) {
        Proposal proposal = lockAsProposer(id, caller);
        ProposalStatus.Route route = route(proposal);
        proposal.requireStep(ProposalStatus.SUBMITTED, route);
        // one submission of an award at a time, so two cannot both fit the last place of a quota
        AwardType.findById(proposal.awardTypeCode, LockModeType.PESSIMISTIC_WRITE);
        if (proposal.receivedOn == null) {
            // the dossier is received now: the rule set that judges it is chosen for good
            proposal.receivedOn = today();
            choose(proposal);
        }
        List<Verdict> verdicts = eligibility(proposal, true);
        ProposalMoved moved = proposal.submit(route, verdicts, dossier.has(proposal.id, DossierFile.Kind.ACHIEVEMENT_REPORT), now());
        proposal.earlierAwards = earlierAwards(proposal);
        dossier.attachCoverSubmission(proposal, caller);
        return record(proposal, moved, caller);
    }

    /** The Board (or the portal) sends it back to the proposer with the reason. */
    @Transactional
    public Proposal returnToProposer(long id, String reason, Caller caller) {
        requireBoardOrPortal(caller);
        Proposal proposal = lockVisible(id, caller);
        ProposalStatus.Route route = route(proposal);
        proposal.requireStep(ProposalStatus.RETURNED, route);
        return record(proposal, proposal.returnToProposer(route, required(reason, "reason", 2000), now()), caller);
    }

    /** The proposer takes a returned proposal back to work on it. */
    @Transactional
    public Proposal rework(long id, Caller caller) {
        Proposal proposal = lockAsProposer(id, caller);
        return record(proposal, proposal.rework(route(proposal), now()), caller);
    }

    @Transactional
    public Proposal startAppraisal(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = lock(id);
        return record(proposal, proposal.startAppraisal(route(proposal), now()), caller);
    }

    @Transactional
    public Proposal appraise(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = lock(id);
        return record(proposal, proposal.appraise(route(proposal), now()), caller);
    }

    /** A state-level award without a Council review goes on to the Prime Minister's office through the Ministry of Home Affairs. */
    @Transactional
    public Proposal forward(long id, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = lock(id);
        return record(proposal, proposal.forward(route(proposal), null, now()), caller);
    }

    /** A recommended state-level candidate leaves in the province's submission (submission/ calls it for each it covers). */
    @Transactional
    public Proposal forwardInSubmission(long id, long submissionId, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = lock(id);
        return record(proposal, proposal.forward(route(proposal), submissionId, now()), caller);
    }

    /** The national Board sent the province's submission back: the candidate is the province's again, with the reason. */
    @Transactional
    public Proposal returnedByNation(long id, String reason, Caller caller) {
        requireBoardOrPortal(caller);
        Proposal proposal = lockVisible(id, caller);
        return record(proposal, proposal.returnedByNation(route(proposal), reason, now()), caller);
    }

    @Transactional
    public Proposal reject(long id, String reason, Caller caller) {
        requireBoardOrPortal(caller);
        Proposal proposal = lockVisible(id, caller);
        ProposalStatus.Route route = route(proposal);
        proposal.requireStep(ProposalStatus.REJECTED, route);
        return record(proposal, proposal.reject(route, required(reason, "reason", 2000), now()), caller);
    }

    /** Records the decision that grants the award and writes it into the ledger; decisions ({@code decision/}) call it for each unit they name. */
    @Transactional
    public Proposal decide(long id, DecisionRecord decision, Caller caller) {
        requireBoardOrPortal(caller);
        Proposal proposal = lockVisible(id, caller);
        ProposalStatus.Route route = route(proposal);
        proposal.requireStep(ProposalStatus.DECIDED, route);
        String number = required(decision.number(), "number", 100);
        if (decision.date() == null) {
            throw Refusal.unprocessable("invalid-field", "problem.field.required", "date");
        }
        // checked before the proposal changes: the query flushes, and a decided proposal must carry its number
        if (LedgerEntry.count("unitCode = ?1 and awardTypeCode = ?2 and year = ?3 and decisionNumber = ?4", proposal.unitCode,
                proposal.awardTypeCode, proposal.year, number) > 0) {
            throw Refusal.conflict("ledger-entry-exists", "proposal.ledger.exists", proposal.unitCode, number);
        }
        String authority = decision.authority() == null ? catalogue.get(proposal.awardTypeCode).decidingAuthority
                : required(decision.authority(), "authority", 300);
        RuleSet rules = RuleSet.findById(proposal.ruleSetId);
        List<Facts.OpenProceeding> open = proceedings.openOf(proposal.unitCode);
        java.util.Optional<vn.thidua.awards.condition.Condition> noProceedings = rules.eligibility.stream()
                .flatMap(c -> c.find("NO_PENDING_PROCEEDINGS").stream()).findFirst();
        if (!open.isEmpty() && noProceedings.isPresent()) {
            // the rule forbids the award itself, not only the proposal, while a proceeding is open; cited as the rule set cites it
            String citation = noProceedings.get().citation() != null ? noProceedings.get().citation() : rules.legalBasis;
            throw Refusal.unprocessable("proceeding-open", "proposal.decide.proceeding-open", proposal.unitCode, open.size(), citation);
        }
        record(proposal, proposal.decide(route, number, decision.date(), authority, now()), caller);
        LedgerEntry entry = new LedgerEntry();
        entry.unitCode = proposal.unitCode;
        entry.awardTypeCode = proposal.awardTypeCode;
        entry.year = proposal.year;
        entry.decisionNumber = proposal.decisionNumber;
        entry.decisionDate = proposal.decisionDate;
        entry.decidingAuthority = proposal.decidingAuthority;
        entry.source = LedgerEntry.Source.DECISION;
        entry.proposalId = proposal.id;
        entry.ruleSetId = proposal.ruleSetId;
        entry.createdBy = caller.subject();
        entry.createdAt = Instant.now(clock);
        entry.persist();
        return proposal;
    }

    /** Revokes a decided award (reason and legal ground): the ledger entry is marked, never deleted. */
    @Transactional
    public Proposal revoke(long id, String reason, String legalGround, Caller caller) {
        caller.requireBoardOrAdmin();
        Proposal proposal = lock(id);
        ProposalStatus.Route route = route(proposal);
        proposal.requireStep(ProposalStatus.REVOKED, route);
        record(proposal, proposal.revoke(route, required(reason, "reason", 2000), required(legalGround, "legalGround", 500), now()), caller);
        for (LedgerEntry entry : LedgerEntry.<LedgerEntry>list("proposalId", proposal.id)) {
            entry.revokedAt = proposal.updatedAt;
            entry.revocationReason = proposal.statusReason;
            entry.revocationGround = proposal.legalGround;
        }
        return proposal;
    }

    /**
     * Whether the caller may add this kind of file to the proposal's dossier now: checked before the
     * body is read (so a caller who may not upload never gets a file into memory), and again, under
     * the proposal's lock, when the file is stored.
     */
    @Transactional
    public void requireUploadable(long id, DossierFile.Kind kind, long declaredSize, Caller caller) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null) {
            throw Refusal.notFound("proposal-not-found", "proposal.not-found", id);
        }
        requireUploadable(proposal, kind, caller);
        if (declaredSize > 0) {
            dossier.requireRoom(proposal, kind, declaredSize);
        }
    }

    private void requireUploadable(Proposal proposal, DossierFile.Kind kind, Caller caller) {
        boolean ownReport = kind == DossierFile.Kind.ACHIEVEMENT_REPORT && caller.hasAnyRole(Roles.UNIT_REP) && caller.actsFor(proposal.unitCode);
        if (!ownReport && !canPropose(proposal, caller)) {
            if (!canRead(proposal, caller)) {
                throw Refusal.notFound("proposal-not-found", "proposal.not-found", proposal.id);
            }
            throw new io.quarkus.security.ForbiddenException("may not change the dossier of proposal " + proposal.id);
        }
        if (kind == DossierFile.Kind.COVER_SUBMISSION || kind == DossierFile.Kind.MINUTES || kind == DossierFile.Kind.COUNCIL_MINUTES
                || kind == DossierFile.Kind.PROVINCIAL_SUBMISSION) {
            throw Refusal.unprocessable("dossier-file-generated", "proposal.dossier.generated", kind);
        }
        if (proposal.status != ProposalStatus.DRAFT) {
            throw Refusal.conflict("proposal-not-draft", "proposal.dossier.not-draft", proposal.status);
        }
    }

    /**
     * Adds an uploaded PDF (already received and checked, {@link vn.thidua.platform.web.Uploads}) to a
     * draft's dossier: the proposer, or (for its achievement report) the proposed unit's representative.
     * The name is stored as its safe base name ({@code ../../p2.pdf} as {@code p2.pdf}).
     */
    @Transactional
    public DossierFile upload(long id, DossierFile.Kind kind, String fileName, Uploads.Upload upload, Caller caller) {
        Proposal proposal = lock(id);
        requireUploadable(proposal, kind, caller);
        String name = vn.thidua.platform.web.Text.clean(fileName, 255, "X-File-Name", true);
        name = FileNames.safe(name, "tai-lieu.pdf");
        PdfDocument pdf = new PdfDocument(upload.bytes(), upload.sha256(), upload.size());
        DossierFile file = dossier.upload(proposal, kind, name, pdf, caller);
        proposal.updatedAt = file.addedAt;
        return file;
    }

    @Transactional
    public List<Dossier.FileInfo> files(long id, Caller caller) {
        return dossier.files(get(id, caller).id);
    }

    @Transactional
    public DossierFile file(long id, long fileId, Caller caller) {
        DossierFile file = dossier.file(get(id, caller).id, fileId);
        if (file == null) {
            throw Refusal.notFound("dossier-file-not-found", "proposal.dossier.file-not-found", fileId, id);
        }
        return file;
    }

    /** The cover submission as it would read if submitted now (a preview; submitting stores it). */
    @Transactional
    public byte[] coverPreview(long id, Caller caller) {
        return dossier.coverSubmission(get(id, caller));
    }

    /** The proposals the caller may see, by year and optionally cluster-year, award and status. */
    @Transactional
    public List<Proposal> list(int year, Long clusterId, String awardTypeCode, ProposalStatus status, Caller caller) {
        StringBuilder query = new StringBuilder("year = :year");
        io.quarkus.panache.common.Parameters params = io.quarkus.panache.common.Parameters.with("year", year);
        if (clusterId != null) {
            query.append(" and clusterId = :cluster");
            params.and("cluster", clusterId);
        }
        if (awardTypeCode != null && !awardTypeCode.isBlank()) {
            query.append(" and awardTypeCode = :award");
            params.and("award", awardTypeCode);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return Proposal.<Proposal>list(query + " order by clusterCode, awardTypeCode, unitCode, id", params).stream()
                .filter(p -> canRead(p, caller)).toList();
    }

    /**
     * The proposals the caller may see ({@link #list}'s filters and rules) as the list that goes with a
     * cover submission: by award, cluster-year and rank, unit and cluster names resolved.
     */
    @Transactional
    public vn.thidua.platform.web.Table export(int year, Long clusterId, String awardTypeCode, ProposalStatus status, Caller caller) {
        List<Proposal> found = new ArrayList<>(list(year, clusterId, awardTypeCode, status, caller));
        found.sort(java.util.Comparator.comparing((Proposal p) -> p.awardTypeCode).thenComparing(p -> p.clusterCode)
                .thenComparing(p -> p.rankingRank, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                .thenComparing(p -> p.unitCode));
        java.util.Map<String, String> unitNames = vn.thidua.platform.units.KnownUnit.namesOf(
                found.stream().map(p -> p.unitCode).distinct().toList());
        java.util.Map<Long, String> clusterNames = new java.util.HashMap<>();
        java.util.Map<String, String> awardNames = new java.util.HashMap<>();
        List<ProposalListTable.Line> lines = new ArrayList<>();
        for (Proposal p : found) {
            String clusterName = clusterNames.computeIfAbsent(p.clusterId, id -> clusters.find(id).map(ClusterYear::name).orElse(p.clusterCode));
            String awardName = awardNames.computeIfAbsent(p.awardTypeCode, code -> {
                AwardType type = AwardType.findById(code);
                return type == null ? code : type.name;
            });
            lines.add(new ProposalListTable.Line(unitNames.getOrDefault(p.unitCode, p.unitCode), p.unitCode, clusterName, awardName, p.year,
                    p.rankingTotal, p.rankingRank, p.status, p.decisionNumber, p.decisionDate, p.decidingAuthority));
        }
        List<String> filters = new ArrayList<>();
        if (awardTypeCode != null) {
            AwardType type = AwardType.findById(awardTypeCode);
            filters.add("Hình thức khen thưởng: " + (type == null ? awardTypeCode : type.name));
        }
        if (clusterId != null) {
            filters.add("Cụm/khối thi đua: " + clusters.find(clusterId).map(ClusterYear::name).orElse(String.valueOf(clusterId)));
        }
        if (status != null) {
            filters.add("Trạng thái: " + ProposalListTable.statusName(status));
        }
        return ProposalListTable.of(year, filters, lines);
    }

    /** The proposal, if the caller may read it (404 otherwise, so nobody learns what exists). */
    @Transactional
    public Proposal get(long id, Caller caller) {
        Proposal proposal = Proposal.findById(id);
        if (proposal == null || !canRead(proposal, caller)) {
            throw Refusal.notFound("proposal-not-found", "proposal.not-found", id);
        }
        return proposal;
    }

    @Transactional
    public List<ProposalTransition> history(long id, Caller caller) {
        get(id, caller);
        return ProposalTransition.list("proposalId = ?1 order by id", id);
    }

    /**
     * Admins, the Board and viewers read every proposal; the portal those put to the Board; the
     * proposed unit's people their own; the cluster leader those of its cluster-year.
     */
    public boolean canRead(Proposal proposal, Caller caller) {
        if (caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER)) {
            return true;
        }
        if (caller.hasAnyRole(Roles.PORTAL)) {
            return proposal.status != ProposalStatus.DRAFT;
        }
        if (caller.actsFor(proposal.unitCode)) {
            return true;
        }
        return isClusterLeader(cluster(proposal.clusterId), caller);
    }

    /** Whether the caller may change the proposal's dossier or take it forward as its proposer. */
    boolean canPropose(Proposal proposal, Caller caller) {
        return caller.isBoardOrAdmin() || isClusterLeader(cluster(proposal.clusterId), caller);
    }

    Proposal lock(long id) {
        Proposal proposal = Proposal.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (proposal == null) {
            throw Refusal.notFound("proposal-not-found", "proposal.not-found", id);
        }
        return proposal;
    }

    /**
     * The proposal, locked, for a step of the Board's or the portal's: 404 when the caller may not
     * read it (a draft, to the portal), exactly as when there is none, so that its state rules,
     * which would name its state, are never reached.
     */
    private Proposal lockVisible(long id, Caller caller) {
        Proposal proposal = lock(id);
        if (!canRead(proposal, caller)) {
            throw Refusal.notFound("proposal-not-found", "proposal.not-found", id);
        }
        return proposal;
    }

    /**
     * The proposal, locked, for its proposer's step: 404 to a caller who may not even read it (as
     * {@link #get}, so a stranger learns nothing of it, not its state either), 403 to one who reads
     * but does not propose it. Checked before the step's state rules, which would tell its state.
     */
    private Proposal lockAsProposer(long id, Caller caller) {
        Proposal proposal = lockVisible(id, caller);
        requireProposer(cluster(proposal.clusterId), caller);
        return proposal;
    }

    /** Which way the proposal goes: a state-level award or not, reviewed by the Council (its rule set says) or not. */
    public ProposalStatus.Route route(Proposal proposal) {
        RuleSet rules = RuleSet.findById(proposal.ruleSetId);
        return new ProposalStatus.Route(catalogue.get(proposal.awardTypeCode).level == AwardLevel.STATE, rules != null && rules.council != null);
    }

    /**
     * Keeps a step the aggregate took: written now, appended to its audit trail, published through the outbox
     * and announced to the rest of the service ({@link ProposalMoved}), all in the step's transaction.
     */
    Proposal record(Proposal proposal, ProposalMoved moved, Caller caller) {
        proposal.flush();
        ProposalTransition transition = new ProposalTransition();
        transition.proposalId = proposal.id;
        transition.fromStatus = moved.from();
        transition.toStatus = moved.to();
        transition.reason = moved.reason();
        transition.actor = caller.subject();
        transition.at = proposal.updatedAt;
        transition.persist();
        outbox.publish(ProposalEvents.TOPIC, events.create(ProposalEvents.SOURCE, ProposalEvents.STATUS_CHANGED, Long.toString(proposal.id),
                ProposalEvents.ProposalState.of(proposal, moved.from())));
        this.moved.fire(moved);
        return proposal;
    }

    private Instant now() {
        return Instant.now(clock);
    }

    /** The verdicts of the proposal's conditions on today's facts, the proposal counted where it stands. */
    List<Verdict> currentVerdicts(Proposal proposal) {
        return eligibility(proposal);
    }

    private List<Verdict> eligibility(Proposal proposal) {
        return eligibility(proposal, proposal.status == ProposalStatus.DRAFT || proposal.status == ProposalStatus.RETURNED);
    }

    /** @param addingThis whether this proposal is not yet counted against the quota (it is being submitted) */
    private List<Verdict> eligibility(Proposal proposal, boolean addingThis) {
        RuleSet rules = RuleSet.findById(proposal.ruleSetId);
        Facts own = facts(proposal, addingThis);
        java.util.Map<String, List<Verdict>> otherAwards = new java.util.HashMap<>();
        for (String other : rules.eligibility.stream().flatMap(c -> c.findAll("MEETS_CONDITIONS_OF").stream())
                .map(c -> c.parameters().get("awardTypeCode").asText()).distinct().toList()) {
            otherAwards(proposal, other, own).ifPresent(verdicts -> otherAwards.put(other, verdicts));
        }
        return Vocabulary.evaluate(rules.eligibility, own.withOtherAwards(otherAwards));
    }

    /**
     * The verdicts of another award's rule set on the same unit and year, that rule set chosen by the same day; none when
     * no rule set of it judges that day. Its own references to further awards are not followed (they judge UNKNOWN).
     */
    private java.util.Optional<List<Verdict>> otherAwards(Proposal proposal, String awardTypeCode, Facts own) {
        LocalDate day = proposal.ruleSetChosenBecause != null && proposal.ruleSetChosenBecause.receivedOn() != null
                ? proposal.ruleSetChosenBecause.receivedOn() : today();
        RuleSetChoice choice;
        try {
            choice = catalogue.choose(awardTypeCode, proposal.year, day);
        } catch (Refusal noneInForce) {
            return java.util.Optional.empty();
        }
        RuleSet other = RuleSet.findById(choice.ruleSetId());
        // the same facts of the unit, seen as a proposal of that award: only the award and its count differ
        return java.util.Optional.of(Vocabulary.evaluate(other.eligibility, own.forAward(awardTypeCode, counted(awardTypeCode, proposal.year, false))));
    }

    /** What the conditions of the proposal's award look at for its unit and year. */
    private Facts facts(Proposal proposal, boolean addingThis) {
        ClusterYear cluster = cluster(proposal.clusterId);
        java.util.Map<String, Facts.Attestation> found = new java.util.HashMap<>();
        attestations(proposal.id).forEach(a -> found.put(a.key(), new Facts.Attestation(a.holds(), a.basis(), a.actor())));
        return new Facts(proposal.unitCode, proposal.year, cluster.name(), ledTheCluster(proposal), proposal.rankingRank,
                proposal.rankingTotal, registrations.of(proposal.unitCode, proposal.year), proposal.awardTypeCode,
                counted(proposal.awardTypeCode, proposal.year, addingThis), clusters.clusterYearsWithEmulationLeader(proposal.year),
                LeadersOutside.of(proposal.year), history.heldAwards(proposal.unitCode),
                yearEndReports.of(proposal.unitCode, proposal.year).orElse(null), ratings.yearsOf(proposal.unitCode),
                proceedings.openOf(proposal.unitCode), found, java.util.Map.of());
    }

    /** The award's proposals of the year that count against its quota, and this one if it is being added. */
    private static int counted(String awardTypeCode, int year, boolean addingThis) {
        List<ProposalStatus> counting = java.util.Arrays.stream(ProposalStatus.values()).filter(ProposalStatus::countsAgainstQuota).toList();
        return (int) Proposal.count("awardTypeCode = ?1 and year = ?2 and status in ?3", awardTypeCode, year, counting) + (addingThis ? 1 : 0);
    }

    /** Chooses the rule set that judges the proposal: by the day its dossier was received, today while it has not been. */
    private void choose(Proposal proposal) {
        RuleSetChoice choice = catalogue.choose(proposal.awardTypeCode, proposal.year,
                proposal.receivedOn != null ? proposal.receivedOn : today());
        proposal.ruleSetId = choice.ruleSetId();
        proposal.ruleSetChosenBecause = choice;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /**
     * Whether the unit led the emulation of its cluster/block for the year: recorded so in units-service (from a vote
     * here or entered by the Board for a paper vote), or elected to lead by a published vote of its cluster-year here,
     * which units-service may not have carried back yet.
     */
    private boolean ledTheCluster(Proposal proposal) {
        return clusters.ledEmulation(proposal.unitCode, proposal.year) || electedToLead(proposal);
    }

    private static boolean electedToLead(Proposal proposal) {
        List<VotingSession> votes = VotingSession.list("clusterId = ?1 and purpose = ?2 and status = ?3", proposal.clusterId,
                Purpose.LEAD_AND_PROPOSE, SessionStatus.PUBLISHED);
        return votes.stream().anyMatch(session -> session.result.elected(Contest.LEAD).contains(proposal.unitCode));
    }

    private List<Proposal.EarlierAward> earlierAwards(Proposal proposal) {
        return history.of(proposal.unitCode).stream().filter(e -> !e.revoked() && e.year < proposal.year)
                .map(e -> new Proposal.EarlierAward(e.awardTypeCode, e.year, e.decisionNumber, e.decisionDate, e.decidingAuthority))
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    private ClusterYear cluster(long clusterId) {
        return clusters.find(clusterId)
                .orElseThrow(() -> Refusal.unprocessable("cluster-not-known", "voting.cluster.not-known", clusterId));
    }

    /**
     * The Board, or the cluster-year's leader (its cluster-leader), puts proposals forward. A
     * cluster-year that is not known ({@code null}) is one no one but the Board leads: the Board goes
     * on to be told it is not known, anyone else is refused as for a cluster-year of others.
     */
    private static void requireProposer(ClusterYear cluster, Caller caller) {
        if (!caller.isBoardOrAdmin() && (cluster == null || !isClusterLeader(cluster, caller))) {
            throw new io.quarkus.security.ForbiddenException("only the Board or the cluster-year's leader proposes");
        }
    }

    private static boolean isClusterLeader(ClusterYear cluster, Caller caller) {
        return caller.leadsClusterLedBy(cluster.leaderUnitCode());
    }

    private static void requireBoardOrPortal(Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.PORTAL)) {
            throw new io.quarkus.security.ForbiddenException("board, admin or portal only");
        }
    }

    private static String required(String value, String field, int maxLength) {
        return vn.thidua.platform.web.Text.clean(value, maxLength, field, true);
    }
}
