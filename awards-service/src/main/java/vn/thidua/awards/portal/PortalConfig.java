package vn.thidua.awards.portal;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** Where and how dossiers go to the Department of Home Affairs portal (docs/portal.md). */
@ConfigMapping(prefix = "thidua.portal")
public interface PortalConfig {

    /** The portal's dossier endpoint. Unset: deliveries are recorded and stay PENDING. */
    Optional<URI> url();

    /** The shared secret of the HMAC-SHA256 signature (at least 32 characters). Unset: as without a URL. */
    Optional<String> signingSecret();

    /** Whether this instance sends deliveries (every replica may; rows are claimed with SKIP LOCKED). */
    @WithDefault("true")
    boolean deliveryEnabled();

    /** How often due deliveries are looked for without being woken by a commit. */
    @WithDefault("5s")
    Duration pollInterval();

    /** Deliveries claimed at a time. */
    @WithDefault("10")
    int batchSize();

    /** Deliveries sent side by side by this instance. */
    @WithDefault("2")
    int concurrency();

    @WithDefault("5s")
    Duration connectTimeout();

    /** How long the portal has to answer one request before the attempt counts as failed. */
    @WithDefault("60s")
    Duration requestTimeout();

    Backoff backoff();

    interface Backoff {
        /** The wait after the first failed attempt (before jitter); it doubles with each further failure. */
        @WithDefault("10s")
        Duration initial();

        /** The longest wait between two attempts (before jitter). */
        @WithDefault("30m")
        Duration max();
    }
}
