package vn.thidua.scoring.criteria;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/**
 * The life of a criteria set: drafted, published (sheets open), closed (ranking final), reopened
 * with a reason. Each step loads the set, authorizes the caller, lets the {@link CriteriaSet}
 * make the transition, persists it and records the event it returns in the audit trail.
 */
@ApplicationScoped
public class CriteriaSetService {
    private final ClusterDirectory clusters;
    private final SheetsOfSet sheets;
    private final Clock clock;

    public CriteriaSetService(ClusterDirectory clusters, SheetsOfSet sheets, Clock clock) {
        this.clusters = clusters;
        this.sheets = sheets;
        this.clock = clock;
    }

    @Transactional
    public CriteriaSet create(long clusterId, CriteriaDefinition definition, Caller caller) {
        caller.requireBoardOrAdmin();
        requireKnownCluster(clusterId);
        definition.validate();
        Instant now = Instant.now(clock);
        CriteriaSet set = CriteriaSet.draft(clusterId, definition, now);
        set.persistAndFlush();
        record(set.created(caller.subject(), now));
        return set;
    }

    /** A new draft with the same criteria for another (or the same) cluster-year: a template, or last year's sheet. */
    @Transactional
    public CriteriaSet copy(long sourceId, long clusterId, Caller caller) {
        caller.requireBoardOrAdmin();
        CriteriaSet source = get(sourceId);
        requireKnownCluster(clusterId);
        Instant now = Instant.now(clock);
        CriteriaSet copy = source.copyFor(clusterId, now);
        copy.persistAndFlush();
        record(copy.created(caller.subject(), now));
        return copy;
    }

    @Transactional
    public CriteriaSet redefine(long id, ExpectedVersion expected, CriteriaDefinition definition, Caller caller) {
        CriteriaSet set = load(id, expected, caller);
        set.redefine(definition, Instant.now(clock));
        set.persistAndFlush();
        return set;
    }

    /** Freezes the criteria and opens a sheet for every member in every stage the set has. */
    @Transactional
    public CriteriaSet publish(long id, ExpectedVersion expected, Caller caller) {
        CriteriaSet set = load(id, expected, caller);
        Optional<ClusterYear> cluster = clusters.find(set.clusterId);
        CriteriaSetEvent published = set.publish(cluster, caller.subject(), Instant.now(clock));
        sheets.openSheets(set, cluster.orElseThrow().members());
        return persist(set, published);
    }

    @Transactional
    public CriteriaSet close(long id, ExpectedVersion expected, Caller caller) {
        CriteriaSet set = load(id, expected, caller);
        return persist(set, set.close(caller.subject(), Instant.now(clock)));
    }

    /** Only a Board officer, and only with a written reason, which the audit trail keeps. */
    @Transactional
    public CriteriaSet reopen(long id, String reason, ExpectedVersion expected, Caller caller) {
        CriteriaSet set = load(id, expected, caller);
        return persist(set, set.reopen(reason, caller.subject(), Instant.now(clock)));
    }

    /** A set that a Board officer may move on, at the version the caller had. */
    private CriteriaSet load(long id, ExpectedVersion expected, Caller caller) {
        caller.requireBoardOrAdmin();
        CriteriaSet set = get(id);
        expected.requireMatches(set.version);
        return set;
    }

    private CriteriaSet persist(CriteriaSet set, CriteriaSetEvent event) {
        record(event);
        set.persistAndFlush();
        return set;
    }

    private static void record(CriteriaSetEvent event) {
        CriteriaSetAudit.record(event.setId(), event.action(), event.reason(), event.actor(), event.at());
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
            throw new ForbiddenException("criteria of cluster-year " + clusterId);
        }
    }

    public List<CriteriaSetAudit> history(long id) {
        get(id);
        return CriteriaSetAudit.list("setId = ?1 order by id", id);
    }

    private ClusterYear requireKnownCluster(long clusterId) {
        return clusters.find(clusterId).orElseThrow(() -> CriteriaSet.unknownCluster(clusterId));
    }
}
