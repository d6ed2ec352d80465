package vn.thidua.gateway.proxy;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;

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

    interface Route {
        /** A path prefix such as {@code /api/units}: the prefix itself and everything below it. */
        String prefix();

        /** The service's base URL, scheme, host and port only, e.g. {@code http://localhost:8081}. */
        String url();
    }
}
