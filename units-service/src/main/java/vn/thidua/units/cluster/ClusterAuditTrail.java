package vn.thidua.units.cluster;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Append-only trail of every change of a cluster-year: who, when, what (the event type), and the
 * state before and after, as the events carry it. Leadership matters to awards (flags go to cluster
 * leaders), so its history must be told later, not only its present.
 */
@ApplicationScoped
public class ClusterAuditTrail {
    private final ObjectMapper mapper;

    public ClusterAuditTrail(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void record(ClusterEvents.ClusterState before, ClusterEvents.ClusterState after, String action, String actor, Instant at) {
        Panache.getEntityManager().createNativeQuery("""
                        INSERT INTO cluster_audit (cluster_year_id, version, action, actor, changed_at, before_state, after_state)
                        VALUES (?1, ?2, ?3, ?4, ?5, CAST(NULLIF(?6, '') AS jsonb), CAST(?7 AS jsonb))""")
                .setParameter(1, after.id())
                .setParameter(2, after.version())
                .setParameter(3, action)
                .setParameter(4, actor)
                .setParameter(5, at)
                .setParameter(6, before == null ? "" : json(before))
                .setParameter(7, json(after))
                .executeUpdate();
    }

    private String json(ClusterEvents.ClusterState state) {
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the state of cluster-year " + state.id(), e);
        }
    }
}
