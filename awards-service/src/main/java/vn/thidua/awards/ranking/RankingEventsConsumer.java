package vn.thidua.awards.ranking;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/** Keeps {@link FinalizedRanking} in step with {@code thidua.scoring.results.v1}; other event types there are passed over. */
@ApplicationScoped
public class RankingEventsConsumer {
    static final String CHANNEL = "rankings";
    static final String RANKING_FINALIZED = "vn.thidua.scoring.ClusterRankingFinalized";
    private final Inbox inbox;
    private final CloudEvents events;

    public RankingEventsConsumer(Inbox inbox, CloudEvents events) {
        this.inbox = inbox;
        this.events = events;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onResult(String message) {
        inbox.receive(CHANNEL, message, event -> {
            if (RANKING_FINALIZED.equals(event.type())) {
                FinalizedRanking.apply(events.data(event, RankingFinalized.class));
            }
        });
    }
}
