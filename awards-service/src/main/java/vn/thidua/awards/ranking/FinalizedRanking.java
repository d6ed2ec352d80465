package vn.thidua.awards.ranking;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The last finalized ranking of a cluster-year that awards-service has heard of. */
@Entity
@Table(name = "finalized_ranking")
public class FinalizedRanking extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_id")
    public Long clusterId;

    @Column(name = "cluster_code", nullable = false, length = 20)
    public String clusterCode;

    @Column(name = "cluster_name", nullable = false, length = 300)
    public String clusterName;

    @Column(nullable = false, length = 10)
    public String kind;

    @Column(nullable = false)
    public int year;

    @Column(name = "criteria_set_id", nullable = false)
    public long criteriaSetId;

    @Column(name = "criteria_set_version", nullable = false)
    public long criteriaSetVersion;

    @Column(name = "finalized_at", nullable = false)
    public Instant finalizedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<RankingFinalized.Entry> ranking = new ArrayList<>();

    /** Keeps the event's ranking unless this one comes from a newer finalization of the cluster-year. */
    static void apply(RankingFinalized event) {
        FinalizedRanking stored = findById(event.clusterId());
        if (stored != null && (stored.criteriaSetId > event.criteriaSetId()
                || stored.criteriaSetId == event.criteriaSetId() && stored.criteriaSetVersion >= event.criteriaSetVersion())) {
            return;
        }
        if (stored == null) {
            stored = new FinalizedRanking();
            stored.clusterId = event.clusterId();
        }
        stored.clusterCode = event.clusterCode();
        stored.clusterName = event.clusterName();
        stored.kind = event.kind();
        stored.year = event.year();
        stored.criteriaSetId = event.criteriaSetId();
        stored.criteriaSetVersion = event.criteriaSetVersion();
        stored.finalizedAt = event.finalizedAt();
        stored.ranking = new ArrayList<>(event.ranking());
        stored.persist();
    }
}
