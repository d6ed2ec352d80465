package vn.thidua.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Where the gateway sends each part of the public API. Adding a service is a matter of
 * configuration ({@code thidua.gateway.routes.<name>.prefix} and {@code .url}), never of code.
 */
@ConfigMapping(prefix = "thidua.gateway")
public interface GatewayConfig {

    /** By route name, e.g. {@code units}; the name shows up in logs and problem details. */
    Map<String, Route> routes();

    /** How long to wait for a TCP connection to a service before answering 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * How long a service may stay silent (no response, or no bytes of it) before the gateway
     * answers 504; the caller never waits forever.
     */
    @WithDefault("30s")
    Duration responseTimeout();

    /**
     * Connections kept per service. Vert.x's default of 5 would queue a sixth concurrent
     * call behind the others.
     */
    @WithDefault("64")
    int maxConnectionsPerService();

    /**
     * Whether the first {@code X-Forwarded-For} entry names the client, for the login throttle.
     * Only true behind a proxy that sets that header itself; otherwise any caller could pick
     * an address of its choice and dodge the per-address limit.
     */
    @WithDefault("false")
    boolean trustForwardedFor();

    /**
     * The {@code Strict-Transport-Security} value, e.g. {@code max-age=31536000; includeSubDomains};
     * unset (no header) by default, as the local stack speaks plain HTTP.
     */
    Optional<String> strictTransportSecurity();

    /** Failed logins at the token endpoint. */
    LoginThrottle loginThrottle();

    interface LoginThrottle {
        /** Failures per login or client id within {@link #accountWindow()} before 429. */
        @WithDefault("5")
        int maxFailuresPerAccount();

        @WithDefault("15m")
        Duration accountWindow();

        /** Failures per client address within {@link #addressWindow()} before 429. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        @WithDefault("15m")
        Duration addressWindow();
    }

    interface Route {
        /** A path prefix such as {@code /api/units}: the prefix itself and everything below it. */
        String prefix();

        /** The service's base URL, scheme, host and port only, e.g. {@code http://localhost:8081}. */
        String url();
    }
}
