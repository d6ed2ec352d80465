package vn.thidua.platform.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "thidua.outbox")
public interface OutboxConfig {

    /** Whether this instance relays outbox rows to Kafka. */
    @WithDefault("true")
    boolean relayEnabled();

    /**
     * How often the relay claims rows from the table without being handed them. Commits hand their
     * rows to the relay at once, so this only bounds the delay for rows left by a crashed instance,
     * a broker outage or a replica with the relay off.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** Rows sent per transaction; also how many committed rows the relay holds in memory to send. */
    @WithDefault("200")
    int batchSize();

    /**
     * How old a row must be before a poll tick claims it from the table: younger rows are being sent
     * from memory by the instance that committed them (see {@link OutboxRelay}). A replica with the
     * relay off leaves its rows to the others after this long.
     */
    @WithDefault("2s")
    Duration claimGrace();

    /** How long the relay waits for the broker to acknowledge a batch before it tries again later. */
    @WithDefault("10s")
    Duration sendTimeout();
}
