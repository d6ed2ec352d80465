package vn.thidua.platform.clusters;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/**
 * Keeps {@link KnownCluster} in step with topic {@code thidua.clusters.v1}. Every cluster event
 * (ClusterCreated, ClusterMembershipChanged, ClusterLeadershipAssigned, ClusterAgreementRecorded,
 * ClusterEmulationLeadersRecorded)
 * carries the cluster-year's whole state, so all types are applied alike; the platform
 * {@link Inbox} makes a redelivery change nothing. A message that cannot be read goes to the
 * dead-letter topic and consumption goes on.
 *
 * <p>The consuming service binds channel {@code clusters} in its own application.properties: the
 * Kafka connector on topic {@code thidua.clusters.v1}, its own consumer group, offset reset
 * {@code earliest}, {@code cloud-events=false} (the inbox reads the structured CloudEvent itself)
 * and failure strategy {@code dead-letter-queue} on {@code thidua.clusters.v1.dlq.<service>}; and
 * adds {@code db/clusters} to {@code quarkus.flyway.locations} for the tables.
 */
@ApplicationScoped
public class ClusterEventsConsumer {
    static final String CHANNEL = "clusters";
    private final Inbox inbox;
    private final CloudEvents events;

    public ClusterEventsConsumer(Inbox inbox, CloudEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onClusterEvent(String message) {
        inbox.receive(CHANNEL, message, event -> KnownCluster.apply(events.data(event, ClusterState.class), Instant.now()));
    }
}
