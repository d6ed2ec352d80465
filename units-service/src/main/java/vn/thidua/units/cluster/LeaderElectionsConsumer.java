package vn.thidua.units.cluster;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/**
 * Reads awards-service's vote results (topic {@code thidua.awards.votes.v1}, channel
 * {@code leader-elections}) and applies, once each through the inbox, every {@code ClusterLeaderElected}
 * (leader and deputy) and every {@code VoteConcluded} of purpose {@code LEAD_AND_PROPOSE} (the units
 * leading the cluster-year's emulation).
 * Other event types on that topic are not this service's business and are passed over. A message
 * that cannot be read goes to the dead-letter topic (see application.properties).
 */
@ApplicationScoped
public class LeaderElectionsConsumer {
    static final String CHANNEL = "leader-elections";
    private final Inbox inbox;
    private final CloudEvents events;
    private final ClusterResultsHandler clusters;

    public LeaderElectionsConsumer(Inbox inbox, CloudEvents events, ClusterResultsHandler clusters) {
        this.inbox = inbox;
        this.events = events;
        this.clusters = clusters;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onVoteEvent(String message) {
        inbox.receive(CHANNEL, message, event -> {
            if (ClusterEvents.LEADER_ELECTED.equals(event.type())) {
                ElectionResult result = ElectionResult.from(events.data(event, LeaderElected.class));
                clusters.applyElection(result, event.source(), event.id());
            } else if (ClusterEvents.VOTE_CONCLUDED.equals(event.type())) {
                VoteConcluded vote = events.data(event, VoteConcluded.class);
                // only a "lead and propose" vote names emulation leaders; an ELECT_LEADERSHIP vote
                // reaches this service as the ClusterLeaderElected that follows it
                if (vote.leadsAndProposes()) {
                    clusters.applyEmulationVote(EmulationVote.from(vote), event.source(), event.id());
                }
            }
        });
    }
}
