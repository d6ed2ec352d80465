package vn.thidua.scoring.movement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An emulation movement (phong trào thi đua) of the province or of one cluster-year. */
@Entity
@Table(name = "movement")
public class Movement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 300)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public MovementKind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "launched_by", nullable = false, length = 10)
    public Launcher launchedBy;

    @Column(name = "launching_cluster_id")
    public Long launchingClusterId;

    @Column(name = "all_clusters", nullable = false)
    public boolean allClusters;

    @ElementCollection
    @CollectionTable(name = "movement_participant", joinColumns = @JoinColumn(name = "movement_id"))
    @Column(name = "cluster_id", nullable = false)
    public Set<Long> participantClusterIds = new TreeSet<>();

    @Column(name = "start_date", nullable = false)
    public LocalDate startDate;

    @Column(name = "end_date", nullable = false)
    public LocalDate endDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> goals;

    @ElementCollection
    @CollectionTable(name = "movement_criteria_set", joinColumns = @JoinColumn(name = "movement_id"))
    @Column(name = "criteria_set_id", nullable = false)
    public Set<Long> criteriaSetIds = new TreeSet<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    static Movement launch(MovementDefinition definition, String actor, Instant now) {
        Movement movement = new Movement();
        movement.createdAt = now;
        movement.createdBy = actor;
        movement.define(definition, actor, now);
        return movement;
    }

    /** Takes everything the definition says; the sets are replaced as sets. */
    void define(MovementDefinition definition, String actor, Instant now) {
        name = definition.name();
        kind = definition.kind();
        launchedBy = definition.launchedBy();
        launchingClusterId = definition.launchingClusterId();
        allClusters = definition.allClusters();
        startDate = definition.period().start();
        endDate = definition.period().end();
        goals = new ArrayList<>(definition.goals());
        participantClusterIds.retainAll(definition.participantClusterIds());
        participantClusterIds.addAll(definition.participantClusterIds());
        criteriaSetIds.retainAll(definition.criteriaSetIds());
        criteriaSetIds.addAll(definition.criteriaSetIds());
        updatedAt = now;
        updatedBy = actor;
    }

    public MovementPeriod period() {
        return new MovementPeriod(startDate, endDate);
    }

    /**
     * The movements running in {@code year} (on at least one of its days), involving
     * {@code clusterId} (launched by it, listing it, or province-wide) and of {@code kind}; each
     * filter only when given. Ordered by start date, then id.
     */
    static List<Movement> find(Integer year, Long clusterId, MovementKind kind) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            where.append(" and m.startDate <= :yearEnd and m.endDate >= :yearStart");
            params.put("yearStart", LocalDate.of(year, 1, 1));
            params.put("yearEnd", LocalDate.of(year, 12, 31));
        }
        if (clusterId != null) {
            where.append(" and (m.allClusters = true or m.launchingClusterId = :cluster or :cluster member of m.participantClusterIds)");
            params.put("cluster", clusterId);
        }
        if (kind != null) {
            where.append(" and m.kind = :kind");
            params.put("kind", kind);
        }
        var query = getEntityManager().createQuery(
                "select m from Movement m" + where + " order by m.startDate, m.id", Movement.class);
        params.forEach(query::setParameter);
        return query.getResultList();
    }
}
