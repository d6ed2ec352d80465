package vn.thidua.scoring.cluster;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/**
 * Keeps {@link KnownCluster} in step with topic {@code thidua.clusters.v1}. Every cluster event
 * (ClusterCreated, ClusterMembershipChanged, ClusterLeadershipAssigned, ClusterAgreementRecorded)
 * carries the cluster-year's whole state, so all types are applied alike. A message that cannot be
 * read goes to the dead-letter topic (see application.properties) and consumption goes on.
 */
@ApplicationScoped
public class ClusterEventsConsumer {
    private final Inbox inbox;
    private final CloudEvents events;

    public ClusterEventsConsumer(Inbox inbox, CloudEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @Incoming("clusters")
    @Blocking
    public void onClusterEvent(String message) {
        inbox.receive(message, event -> KnownCluster.apply(events.data(event, ClusterState.class), Instant.now()));
    }
}
