package vn.thidua.platform.clusters;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;

/**
 * A cluster-year as the consuming service knows it: its own copy (tables {@code known_cluster},
 * {@code known_cluster_member} and {@code known_cluster_emulation_leader}; Flyway location
 * {@code db/clusters}, and the last one in each service's own migrations), rebuilt from units-service's
 * events on {@code thidua.clusters.v1} and never read from units-service directly. The id is
 * units-service's cluster-year id; {@code version} is the producer's, so older news is ignored.
 *
 * <p>Only {@link ClusterEventsConsumer} writes it. Other code reads through {@link ClusterDirectory};
 * a service's own REST view of the read model may also use the entity's fields, {@link #page} and
 * {@link #sortedMembers()} (it needs {@link #updatedAt}, which {@link ClusterYear} leaves out).
 */
@Entity
@Table(name = "known_cluster")
public class KnownCluster extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(nullable = false, length = 20)
    public String code;

    @Column(nullable = false, length = 300)
    public String name;

    @Column(nullable = false, length = 10)
    public String kind;

    @Column(nullable = false)
    public int year;

    @Column(name = "leader_unit_code", length = 35)
    public String leaderUnitCode;

    @Column(name = "deputy_unit_code", length = 35)
    public String deputyUnitCode;

    @Column(nullable = false)
    public long version;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @ElementCollection
    @CollectionTable(name = "known_cluster_member", joinColumns = @JoinColumn(name = "cluster_id"))
    @Column(name = "unit_code", nullable = false, length = 35)
    @OrderBy
    public Set<String> members = new TreeSet<>();

    /** The units recorded as leading the cluster-year's emulation (đơn vị dẫn đầu), replaced as a set with every newer event. */
    @ElementCollection
    @CollectionTable(name = "known_cluster_emulation_leader", joinColumns = @JoinColumn(name = "cluster_id"))
    @Column(name = "unit_code", nullable = false, length = 35)
    @OrderBy
    public Set<String> emulationLeaders = new TreeSet<>();

    /**
     * Takes the whole state an event carries, members included (replaced as a set), unless this
     * copy is already as new or newer.
     *
     * @return whether the state was taken
     */
    static boolean apply(ClusterState state, Instant now) {
        KnownCluster cluster = findById(state.id());
        if (cluster == null) {
            cluster = new KnownCluster();
            cluster.id = state.id();
        } else if (!state.isNewerThan(cluster.version)) {
            return false;
        }
        cluster.code = state.code();
        cluster.name = state.name();
        cluster.kind = state.kind();
        cluster.year = state.year();
        cluster.leaderUnitCode = state.leaderUnitCode();
        cluster.deputyUnitCode = state.deputyUnitCode();
        cluster.version = state.version();
        cluster.updatedAt = now;
        Set<String> wanted = state.memberSet();
        cluster.members.retainAll(wanted);
        cluster.members.addAll(wanted);
        Set<String> leading = state.emulationLeaderSet();
        cluster.emulationLeaders.retainAll(leading);
        cluster.emulationLeaders.addAll(leading);
        cluster.persist();
        return true;
    }

    ClusterYear toClusterYear() {
        return new ClusterYear(id, code, name, kind, year, leaderUnitCode, deputyUnitCode, sortedMembers(),
                new ArrayList<>(new TreeSet<>(emulationLeaders)), version);
    }

    /** The member unit codes, sorted by code, as a new list. */
    public List<String> sortedMembers() {
        return new ArrayList<>(new TreeSet<>(members));
    }

    /**
     * One page of the cluster-years, in code order (then year, then id), of one year or of all, and
     * only those {@code memberUnit} is in when it is given. Call it inside a transaction.
     */
    public static Page<KnownCluster> page(Integer year, Optional<String> memberUnit, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            where.append(" and c.year = :year");
            params.put("year", year);
        }
        memberUnit.ifPresent(unit -> {
            where.append(" and :unit member of c.members");
            params.put("unit", unit);
        });
        var count = getEntityManager().createQuery("select count(c) from KnownCluster c" + where, Long.class);
        var select = getEntityManager().createQuery(
                "select c from KnownCluster c" + where + " order by c.code, c.year, c.id", KnownCluster.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<KnownCluster> items = select.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    static boolean isMember(long clusterId, String unitCode) {
        return getEntityManager()
                .createQuery("select count(c) from KnownCluster c join c.members m where c.id = :id and m = :unit", Long.class)
                .setParameter("id", clusterId)
                .setParameter("unit", unitCode)
                .getSingleResult() > 0;
    }

    static List<String> membersOf(long clusterId) {
        return getEntityManager()
                .createQuery("select m from KnownCluster c join c.members m where c.id = :id order by m", String.class)
                .setParameter("id", clusterId)
                .getResultList();
    }

    static boolean ledEmulation(String unitCode, int year) {
        return getEntityManager()
                .createQuery("select count(c) from KnownCluster c join c.emulationLeaders l where l = :unit and c.year = :year",
                        Long.class)
                .setParameter("unit", unitCode)
                .setParameter("year", year)
                .getSingleResult() > 0;
    }

    static long withEmulationLeader(int year) {
        return getEntityManager()
                .createQuery("select count(c) from KnownCluster c where c.year = :year and c.emulationLeaders is not empty",
                        Long.class)
                .setParameter("year", year)
                .getSingleResult();
    }

    static Optional<Long> clusterOf(String unitCode, int year, String kind) {
        return getEntityManager()
                .createQuery("select c.id from KnownCluster c join c.members m"
                        + " where m = :unit and c.year = :year and c.kind = :kind order by c.id", Long.class)
                .setParameter("unit", unitCode)
                .setParameter("year", year)
                .setParameter("kind", kind)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
