package vn.thidua.units.cluster;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A unit's membership of a cluster-year, from when it joined until it left. Rows are never
 * deleted: leaving sets {@code leftAt}, rejoining adds a row, so the membership at any moment can be
 * told. Kind and year are repeated here so that the database itself keeps a unit in at most one
 * cluster of a kind per year (a unique index over current memberships).
 */
@Entity
@Table(name = "cluster_membership")
public class ClusterMembership extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cluster_year_id", nullable = false)
    public Long clusterYearId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public ClusterKind kind;

    @Column(nullable = false)
    public int year;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "joined_at", nullable = false)
    public Instant joinedAt;

    @Column(name = "joined_by", nullable = false, length = 255)
    public String joinedBy;

    @Column(name = "left_at")
    public Instant leftAt;

    @Column(name = "left_by", length = 255)
    public String leftBy;

    protected ClusterMembership() {
    }

    static ClusterMembership join(ClusterYear cluster, String unitCode, String by, Instant now) {
        ClusterMembership membership = new ClusterMembership();
        membership.clusterYearId = cluster.id;
        membership.kind = cluster.kind;
        membership.year = cluster.year;
        membership.unitCode = unitCode;
        membership.joinedAt = now;
        membership.joinedBy = by;
        return membership;
    }

    void leave(String by, Instant now) {
        leftAt = now;
        leftBy = by;
    }

    /** Current members' codes, in code order. */
    static List<String> currentCodes(long clusterYearId) {
        return find("select m.unitCode from ClusterMembership m where m.clusterYearId = ?1 and m.leftAt is null order by m.unitCode",
                clusterYearId).project(String.class).list();
    }

    static Optional<ClusterMembership> current(long clusterYearId, String unitCode) {
        return find("from ClusterMembership m where m.clusterYearId = ?1 and m.unitCode = ?2 and m.leftAt is null",
                clusterYearId, unitCode).firstResultOptional();
    }

    /** The unit's current membership of any cluster of that kind in that year. */
    static Optional<ClusterMembership> currentOfKind(String unitCode, ClusterKind kind, int year) {
        return find("from ClusterMembership m where m.unitCode = ?1 and m.kind = ?2 and m.year = ?3 and m.leftAt is null",
                unitCode, kind, year).firstResultOptional();
    }

    static List<ClusterMembership> history(long clusterYearId) {
        return find("from ClusterMembership m where m.clusterYearId = ?1 order by m.joinedAt, m.id", clusterYearId).list();
    }
}
