package vn.thidua.units.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Requests;
import vn.thidua.units.cluster.ClusterRequests.AgreementChange;
import vn.thidua.units.cluster.ClusterRequests.EmulationLeadersChange;
import vn.thidua.units.cluster.ClusterRequests.LeadershipChange;
import vn.thidua.units.cluster.ClusterRequests.NewCluster;
import vn.thidua.units.cluster.ClusterRequests.NewMember;
import vn.thidua.units.cluster.ClusterViews.ClusterView;
import vn.thidua.units.unit.UnitCode;

/**
 * Use cases that change emulation clusters and blocks, year by year: load the cluster-year (locked,
 * at the caller's {@code If-Match}), authorize ({@link ClusterAccess}), let the {@link ClusterYear}
 * make the transition by its rules ({@link Roster}, {@link RollOver}, {@link AgreementRules}), then
 * persist the change and publish its event and audit entry together ({@link ClusterChanges}). The
 * read side is {@link ClusterQueries}; the vote results from awards-service, {@link ClusterResultsHandler}.
 */
@ApplicationScoped
public class ClusterService {
    private final UnitDirectory units;
    private final ClusterChanges changes;
    private final AgreementConfig agreements;
    private final Clock clock;

    public ClusterService(UnitDirectory units, ClusterChanges changes, AgreementConfig agreements, Clock clock) {
        this.units = units;
        this.changes = changes;
        this.agreements = agreements;
        this.clock = clock;
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
        return changes.commit(ClusterYear.open(code, name, kind, year, members, units, changes, changes.now()), caller.subject());
    }

    @Transactional
    public ClusterView addMember(Caller caller, long id, ExpectedVersion expected, NewMember request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        String unitCode = UnitCode.parse(request.unitCode()).value();
        ClusterYear cluster = load(id, expected);
        return changes.commit(cluster.addMember(ClusterChanges.roster(cluster), unitCode, units, changes, changes.now()), caller.subject());
    }

    @Transactional
    public ClusterView removeMember(Caller caller, long id, ExpectedVersion expected, String rawUnitCode) {
        ClusterAccess.requireManage(caller);
        String unitCode = UnitCode.parse(rawUnitCode).value();
        ClusterYear cluster = load(id, expected);
        return changes.commit(cluster.removeMember(ClusterChanges.roster(cluster), unitCode, changes.now()), caller.subject());
    }

    @Transactional
    public ClusterView assignLeadership(Caller caller, long id, ExpectedVersion expected, LeadershipChange request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        Leadership proposed = new Leadership(optionalUnitCode(request.leaderUnitCode()), optionalUnitCode(request.deputyUnitCode()));
        ClusterYear cluster = load(id, expected);
        return commitIfChanged(cluster,
                cluster.assignLeadership(ClusterChanges.roster(cluster), proposed, units, changes.now()), caller);
    }

    @Transactional
    public ClusterView recordAgreement(Caller caller, long id, ExpectedVersion expected, AgreementChange request) {
        ClusterAccess.requireManage(caller);
        Requests.requireBody(request);
        Set<String> signatories = unitCodes(request.signatories());
        ClusterYear cluster = load(id, expected);
        return changes.commit(cluster.recordAgreement(ClusterChanges.roster(cluster), request.signedOn(), signatories, today(),
                changes.now()), caller.subject());
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
        ClusterYear cluster = load(id, expected);
        return commitIfChanged(cluster, cluster.recordEmulationLeaders(ClusterChanges.roster(cluster), request.unitCodes(),
                request.reference(), changes.now()), caller);
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
        ClusterYear cluster = load(id, expected);
        ClusterChange change = cluster.attachAgreementDocument(ClusterChanges.roster(cluster), pdf.sha256(), pdf.size(), changes.now());
        AgreementDocument stored = AgreementDocument.findById(id);
        if (stored == null) {
            AgreementDocument.of(id, pdf.content()).persist();
        } else {
            stored.content = pdf.content();
        }
        return changes.commit(change, caller.subject());
    }

    /**
     * Opens next year's cluster-year from this one (see {@link RollOver}); this year's row is left
     * as it is. A result already elected for next year is used and marked applied.
     */
    @Transactional
    public ClusterView rollOver(Caller caller, long id, ExpectedVersion expected) {
        ClusterAccess.requireManage(caller);
        ClusterYear current = load(id, expected);
        EmulationYear year = new EmulationYear(current.year);
        EmulationYear next = year.next();
        ClusterYear.lockCodeAndYear(current.code, next.value());
        if (ClusterYear.findByCodeAndYear(current.code, next.value()).isPresent()) {
            throw Refusal.conflict("cluster-next-year-exists", "cluster.roll-over.exists", current.code,
                    String.valueOf(next.value()));
        }
        Optional<ElectionRecord> elected = ElectionRecord.newest(current.code, current.kind, next.value())
                .filter(e -> e.outcome == ElectionRecord.Outcome.PENDING);
        RollOver.Plan plan = RollOver.plan(year, ClusterChanges.roster(current),
                code -> units.find(code).map(MemberUnit::active).orElse(false),
                elected.map(ElectionRecord::leadership));
        ClusterChange change = current.rollOver(plan, changes, changes.now());
        changes.persist(change, caller.subject());
        elected.ifPresent(result -> {
            if (plan.election() == RollOver.ElectionUse.USED) {
                result.applied(change.cluster().id);
            } else {
                result.notApplicable("Roll-over of cluster-year " + id + ": the elected units are not among the members carried over");
            }
        });
        return changes.publish(change, caller.subject());
    }

    /** The cluster-year locked for a change until the transaction ends, at the version the caller had. */
    private static ClusterYear load(long id, ExpectedVersion expected) {
        ClusterYear cluster = ClusterYear.getForUpdate(id);
        expected.requireMatches(cluster.version);
        return cluster;
    }

    private ClusterView commitIfChanged(ClusterYear cluster, Optional<ClusterChange> change, Caller caller) {
        return change.map(c -> changes.commit(c, caller.subject())).orElseGet(() -> changes.unchanged(cluster));
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

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
