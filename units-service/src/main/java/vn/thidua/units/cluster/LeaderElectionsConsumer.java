package vn.thidua.units.cluster;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/**
 * Reads awards-service's vote results (topic {@code thidua.awards.votes.v1}, channel
 * {@code leader-elections}) and applies each {@code ClusterLeaderElected} once, through the inbox.
 * Other event types on that topic are not this service's business and are passed over. A message
 * that cannot be read goes to the dead-letter topic (see application.properties).
 */
@ApplicationScoped
public class LeaderElectionsConsumer {
    private final Inbox inbox;
    private final CloudEvents events;
    private final ClusterService clusters;

    public LeaderElectionsConsumer(Inbox inbox, CloudEvents events, ClusterService clusters) {
        this.inbox = inbox;
        this.events = events;
        this.clusters = clusters;
    }

    @Incoming("leader-elections")
    @Blocking
    public void onVoteEvent(String message) {
        inbox.receive(message, event -> {
            if (ClusterEvents.LEADER_ELECTED.equals(event.type())) {
                ElectionResult result = ElectionResult.from(events.data(event, LeaderElected.class));
                clusters.applyElection(result, event.source(), event.id());
            }
        });
    }
}
