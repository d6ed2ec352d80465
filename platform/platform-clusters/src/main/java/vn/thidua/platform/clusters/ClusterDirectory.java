package vn.thidua.platform.clusters;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.security.Caller;

/**
 * Who is in which cluster-year, and who leads it: the questions the consuming service asks of the
 * read model fed by {@code thidua.clusters.v1} (see {@link ClusterEventsConsumer}). Reads only; the
 * answers are as new as the last event consumed. Each call joins the caller's transaction, or runs
 * in a short one of its own. Inject it wherever a service needs cluster-years.
 */
@ApplicationScoped
public class ClusterDirectory {

    /** The cluster-year with this id (units-service's id), if the consuming service has heard of it. */
    @Transactional
    public Optional<ClusterYear> find(long clusterId) {
        return KnownCluster.<KnownCluster>findByIdOptional(clusterId).map(KnownCluster::toClusterYear);
    }

    /** Whether the unit is a current member of the cluster-year (false when the cluster-year is unknown). */
    @Transactional
    public boolean isMember(long clusterId, String unitCode) {
        return unitCode != null && KnownCluster.isMember(clusterId, unitCode);
    }

    /**
     * Whether the caller may read the cluster-year and what belongs to it: the same rule as
     * {@link Caller#readsClusterOf}, asked of the read model (false for an unknown cluster-year unless
     * the caller reads every one).
     */
    @Transactional
    public boolean readableBy(long clusterId, Caller caller) {
        return caller.readsEveryCluster() || caller.actingUnit().map(unit -> isMember(clusterId, unit)).orElse(false);
    }

    /** The member unit codes of the cluster-year, sorted by code; empty when it is unknown. */
    @Transactional
    public List<String> membersOf(long clusterId) {
        return KnownCluster.membersOf(clusterId);
    }

    /**
     * The id of the cluster-year of that kind ({@code CLUSTER} or {@code BLOCK}) that the unit is in
     * for the year; a unit is in at most one of each kind per year (were that ever broken, the lowest id wins).
     */
    @Transactional
    public Optional<Long> clusterOf(String unitCode, int year, String kind) {
        if (unitCode == null || kind == null) {
            return Optional.empty();
        }
        return KnownCluster.clusterOf(unitCode, year, kind);
    }

    /**
     * Whether the unit is recorded as leading the emulation (đơn vị dẫn đầu, voted by its cluster or
     * block) of any cluster-year of that year: what a Government flag candidate must be. Not the
     * rotating chair ({@link ClusterYear#leaderUnitCode()}).
     */
    @Transactional
    public boolean ledEmulation(String unitCode, int year) {
        return unitCode != null && KnownCluster.ledEmulation(unitCode, year);
    }

    /**
     * How many cluster-years (clusters and blocks) of that year have at least one recorded emulation
     * leader, each counted once however many units it names: "the collectives voted as cluster/block
     * leaders" that the province's Government flag proposals are at most 20 % of.
     */
    @Transactional
    public int clusterYearsWithEmulationLeader(int year) {
        return (int) KnownCluster.withEmulationLeader(year);
    }

    /** How many cluster-years (clusters and blocks) of that year the service knows: the province's cluster leaders that year. */
    @Transactional
    public int countOfYear(int year) {
        return (int) KnownCluster.count("year", year);
    }
}
