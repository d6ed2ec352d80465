package vn.thidua.scoring.criteria;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.scoring.sheet.SheetService;

/** The life of a criteria set: drafted, published (sheets open), closed (ranking final), reopened with a reason. */
@ApplicationScoped
public class CriteriaSetService {
    private final ClusterDirectory clusters;
    private final SheetService sheets;
    private final Clock clock;

    public CriteriaSetService(ClusterDirectory clusters, SheetService sheets, Clock clock) {
        this.clusters = clusters;
        this.sheets = sheets;
        this.clock = clock;
    }

    @Transactional
    public CriteriaSet create(long clusterId, CriteriaDefinition definition, Caller caller) {
        caller.requireBoardOrAdmin();
        requireKnownCluster(clusterId);
        definition.validate();
        CriteriaSet set = CriteriaSet.draft(clusterId, definition, Instant.now(clock));
        set.persistAndFlush();
        CriteriaSetAudit.record(set.id, "CREATED", null, caller.subject(), Instant.now(clock));
        return set;
    }

    /** A new draft with the same criteria for another (or the same) cluster-year: a template, or last year's sheet. */
    @Transactional
    public CriteriaSet copy(long sourceId, long clusterId, Caller caller) {
        caller.requireBoardOrAdmin();
        CriteriaSet source = get(sourceId);
        requireKnownCluster(clusterId);
        CriteriaSet copy = CriteriaSet.draft(clusterId, source.definition(), Instant.now(clock));
        copy.copiedFrom = source.id;
        copy.persistAndFlush();
        CriteriaSetAudit.record(copy.id, "COPIED", "from " + source.id, caller.subject(), Instant.now(clock));
        return copy;
    }

    @Transactional
    public CriteriaSet redefine(long id, ExpectedVersion expected, CriteriaDefinition definition, Caller caller) {
        caller.requireBoardOrAdmin();
        CriteriaSet set = get(id);
        expected.requireMatches(set.version);
        requireStatus(set, CriteriaSetStatus.DRAFT);
        definition.validate();
        set.define(definition, Instant.now(clock));
        set.persistAndFlush();
        return set;
    }

    /** Freezes the criteria and opens a sheet for every member in every stage the set has. */
    @Transactional
    public CriteriaSet publish(long id, ExpectedVersion expected, Caller caller) {
        CriteriaSet set = load(id, expected, CriteriaSetStatus.DRAFT, caller);
        ClusterYear cluster = requireKnownCluster(set.clusterId);
        if (cluster.members().isEmpty()) {
            throw Refusal.unprocessable("cluster-without-members", "criteria.publish.no-members", cluster.code(), cluster.year());
        }
        set.definition().validate();
        sheets.openSheets(set, cluster.members());
        return move(set, CriteriaSetStatus.PUBLISHED, "PUBLISHED", null, caller);
    }

    @Transactional
    public CriteriaSet close(long id, ExpectedVersion expected, Caller caller) {
        return move(load(id, expected, CriteriaSetStatus.PUBLISHED, caller), CriteriaSetStatus.CLOSED, "CLOSED", null, caller);
    }

    /** Only a Board officer, and only with a written reason, which the audit trail keeps. */
    @Transactional
    public CriteriaSet reopen(long id, String reason, ExpectedVersion expected, Caller caller) {
        CriteriaSet set = load(id, expected, CriteriaSetStatus.CLOSED, caller);
        if (reason == null || reason.isBlank()) {
            throw Refusal.unprocessable("reason-required", "criteria.reopen.reason-required");
        }
        return move(set, CriteriaSetStatus.PUBLISHED, "REOPENED", reason, caller);
    }

    /** A set that a Board officer may move on: the version the caller had, in the status the step starts from. */
    private CriteriaSet load(long id, ExpectedVersion expected, CriteriaSetStatus from, Caller caller) {
        caller.requireBoardOrAdmin();
        CriteriaSet set = get(id);
        expected.requireMatches(set.version);
        requireStatus(set, from);
        return set;
    }

    private CriteriaSet move(CriteriaSet set, CriteriaSetStatus to, String action, String reason, Caller caller) {
        Instant now = Instant.now(clock);
        set.status = to;
        set.updatedAt = now;
        CriteriaSetAudit.record(set.id, action, reason, caller.subject(), now);
        set.persistAndFlush();
        return set;
    }

    public CriteriaSet get(long id) {
        CriteriaSet set = CriteriaSet.findById(id);
        if (set == null) {
            throw Refusal.notFound("criteria-set-not-found", "criteria.not-found", id);
        }
        return set;
    }

    public List<CriteriaSet> ofCluster(long clusterId) {
        return CriteriaSet.list("clusterId = ?1 order by id", clusterId);
    }

    /** The set, for a caller who may read its cluster-year (403 otherwise: set ids are no secret). */
    public CriteriaSet read(long id, Caller caller) {
        CriteriaSet set = get(id);
        requireReader(set.clusterId, caller);
        return set;
    }

    /** The sets of a cluster-year, for a caller who may read it. */
    public List<CriteriaSet> ofCluster(long clusterId, Caller caller) {
        requireReader(clusterId, caller);
        return ofCluster(clusterId);
    }

    private void requireReader(long clusterId, Caller caller) {
        if (!clusters.readableBy(clusterId, caller)) {
            throw new io.quarkus.security.ForbiddenException("criteria of cluster-year " + clusterId);
        }
    }

    public List<CriteriaSetAudit> history(long id) {
        get(id);
        return CriteriaSetAudit.list("setId = ?1 order by id", id);
    }

    private ClusterYear requireKnownCluster(long clusterId) {
        return clusters.find(clusterId).orElseThrow(() ->
                Refusal.unprocessable("unknown-cluster", "criteria.cluster.unknown", clusterId));
    }

    static void requireStatus(CriteriaSet set, CriteriaSetStatus expected) {
        if (set.status != expected) {
            throw Refusal.conflict("criteria-set-status", "criteria.status.wrong", set.id, set.status, expected);
        }
    }
}
