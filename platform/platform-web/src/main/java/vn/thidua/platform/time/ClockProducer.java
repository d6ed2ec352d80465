package vn.thidua.platform.time;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/**
 * The one clock of a service (UTC instants; dates are read in {@link VietnamTime#ZONE}), injected
 * wherever "now" is asked, so that a test can move time past a deadline without waiting for it.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
