package vn.thidua.units.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Outbox;
import vn.thidua.units.cluster.ClusterEvents.ClusterState;
import vn.thidua.units.cluster.ClusterViews.ClusterView;

/**
 * The persist and publish steps of every change to a cluster-year, whether a caller asked for it
 * ({@link ClusterService}) or an event brought it ({@link ClusterResultsHandler}): writes what a
 * {@link ClusterChange} says, then its event with the state after it and its audit entry, in the
 * caller's transaction. Also the database's side of the rules: the roster as it is now, and a unit
 * in at most one cluster of a kind per year.
 */
@ApplicationScoped
public class ClusterChanges implements OtherClusters {
    static final String MEMBERSHIP_UNIQUE = "cluster_membership_one_per_kind_and_year";
    static final String CODE_YEAR_UNIQUE = "cluster_year_code_year_unique";

    private final ClusterViews views;
    private final ClusterAuditTrail audit;
    private final Outbox outbox;
    private final CloudEvents events;
    private final Clock clock;

    public ClusterChanges(ClusterViews views, ClusterAuditTrail audit, Outbox outbox, CloudEvents events, Clock clock) {
        this.views = views;
        this.audit = audit;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /** Persists and publishes the change: the view of the cluster-year after it. */
    ClusterView commit(ClusterChange change, String actor) {
        persist(change, actor);
        return publish(change, actor);
    }

    /** A new cluster-year first (so that it has its id), then the memberships that begin and end. */
    void persist(ClusterChange change, String actor) {
        ClusterYear cluster = change.cluster();
        if (cluster.id == null) {
            cluster.persist();
            flush();
        }
        for (String unitCode : change.joined()) {
            ClusterMembership.join(cluster, unitCode, actor, change.at()).persist();
        }
        for (String unitCode : change.left()) {
            ClusterMembership.current(cluster.id, unitCode).orElseThrow().leave(actor, change.at());
        }
    }

    /** The event with the state after the change, through the outbox, and the audit entry of the change. */
    ClusterView publish(ClusterChange change, String actor) {
        flush();
        ClusterYear cluster = change.cluster();
        List<String> members = ClusterMembership.currentCodes(cluster.id);
        ClusterState after = ClusterState.of(cluster, members);
        outbox.publish(ClusterEvents.TOPIC, events.create(ClusterEvents.SOURCE, change.eventType(), String.valueOf(cluster.id), after));
        audit.record(change.before(), after, change.eventType(), actor, change.at());
        return views.detail(cluster, members);
    }

    /** The view of a cluster-year a request left as it was. */
    ClusterView unchanged(ClusterYear cluster) {
        return views.detail(cluster, ClusterMembership.currentCodes(cluster.id));
    }

    /** The current members and leadership of a cluster-year. */
    static Roster roster(ClusterYear cluster) {
        return new Roster(ClusterMembership.currentCodes(cluster.id), cluster.leadership());
    }

    /** The time of a change, as the database keeps it (microseconds). */
    Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    /** A unit is in at most one cluster of a kind per year; the unique index backs this check up. */
    @Override
    public void requireNotElsewhere(String unitCode, ClusterKind kind, int year) {
        Optional<ClusterMembership> other = ClusterMembership.currentOfKind(unitCode, kind, year);
        if (other.isPresent()) {
            ClusterYear cluster = ClusterYear.findById(other.get().clusterYearId);
            throw Refusal.unprocessable("cluster-member-elsewhere", "cluster.member.elsewhere", unitCode,
                    cluster.code, String.valueOf(year));
        }
    }

    /** Writes pending changes now, so that a unique constraint the database enforces is reported as its problem. */
    static void flush() {
        try {
            ClusterYear.flush();
        } catch (PersistenceException e) {
            throw translate(e);
        }
    }

    static RuntimeException translate(PersistenceException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                String constraint = violation.getConstraintName().toLowerCase(Locale.ROOT);
                if (constraint.contains(MEMBERSHIP_UNIQUE)) {
                    return Refusal.unprocessable("cluster-member-elsewhere", "cluster.member.elsewhere-concurrent");
                }
                if (constraint.contains(CODE_YEAR_UNIQUE)) {
                    return Refusal.conflict("cluster-exists", "cluster.exists-concurrent");
                }
            }
        }
        return e;
    }
}
