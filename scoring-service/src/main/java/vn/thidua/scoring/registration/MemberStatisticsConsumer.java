package vn.thidua.scoring.registration;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.Inbox;

/** Takes the member statistics units-service counts from people ({@code thidua.member-statistics.v1}); other types are passed over. */
@ApplicationScoped
public class MemberStatisticsConsumer {
    static final String CHANNEL = "member-statistics";
    static final String MEMBER_STATISTICS_COMPUTED = "vn.thidua.units.MemberStatisticsComputed";
    private final Inbox inbox;
    private final CloudEvents events;
    private final YearEndReports reports;

    public MemberStatisticsConsumer(Inbox inbox, CloudEvents events, YearEndReports reports) {
        this.inbox = inbox;
        this.events = events;
        this.reports = reports;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onStatistics(String message) {
        inbox.receive(CHANNEL, message, event -> {
            if (MEMBER_STATISTICS_COMPUTED.equals(event.type())) {
                reports.applyCounted(events.data(event, CountedStatistics.Announced.class));
            }
        });
    }
}
