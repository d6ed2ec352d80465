package vn.thidua.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.quarkus.runtime.configuration.MemorySize;
import java.time.Duration;
import java.util.List;
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
     * Proxies (IP addresses or CIDR blocks, e.g. {@code 10.0.0.0/8}) whose {@code X-Forwarded-For} is
     * believed: the client is then the right-most entry that is not one of them (ClientAddress).
     * Empty by default: the TCP peer is the client, whatever the header says.
     */
    Optional<List<String>> trustedProxies();

    /**
     * The older setting, used only while {@link #trustedProxies()} is empty: true means "the TCP
     * peer, whoever it is, is the one proxy in front", and the right-most {@code X-Forwarded-For}
     * entry (the one that proxy appended) names the client. Before issue 18 it took the first entry,
     * which the client writes itself.
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

    /** The token endpoint's protections against floods (docs/security.md, "Password guessing"). */
    Auth auth();

    interface Auth {
        /**
         * Password hashes computed at once; each holds about 20 MiB of heap (Argon2id, 19 MiB), so
         * with the 192-256 MB heaps the gateway runs with, 4 leave room for everything else.
         * A login beyond the bound is answered 503 with {@code Retry-After} at once.
         */
        @WithDefault("4")
        int maxConcurrentHashes();

        /** Requests per client address to {@code /auth/**}, token endpoint and key set alike. */
        AuthRateLimit rateLimit();
    }

    interface AuthRateLimit {
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per address: no person logs in more often. */
        @WithDefault("10")
        int requestsPerSecond();

        @WithDefault("20")
        int burst();

        /** Addresses remembered at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxClients();
    }

    /** Requests per client on {@code /api/**}. */
    RateLimit rateLimit();

    interface RateLimit {
        /** Off only where something in front of the gateway limits already. */
        @WithDefault("true")
        boolean enabled();

        /** Sustained requests per second per client (token subject, else address). */
        @WithDefault("100")
        int requestsPerSecond();

        /** Requests a client may send at once after being idle, above the sustained rate. */
        @WithDefault("200")
        int burst();

        /** Clients remembered at most; the least recently seen are forgotten first. */
        @WithDefault("100000")
        int maxClients();
    }

    /** Largest request body to {@code /api/**} other than JSON (uploads: CSV, PDF, spreadsheets). */
    @WithDefault("10M")
    MemorySize maxBodySize();

    /** Largest JSON request body ({@code application/json}, {@code application/*+json}) to {@code /api/**}. */
    @WithDefault("1M")
    MemorySize maxJsonBodySize();

    /** One breaker per service (scheme, host and port). */
    CircuitBreaker circuitBreaker();

    interface CircuitBreaker {
        @WithDefault("true")
        boolean enabled();

        /** Consecutive failures (no connection, timeout, broken answer, or a 502/503/504 from the service) that open it. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 at once before it lets one probe request through. */
        @WithDefault("10s")
        Duration openFor();
    }

    /** Access tokens verified lately, so a client's every call does not pay for an RS256 verification (VerifiedTokens). */
    TokenCache tokenCache();

    interface TokenCache {
        @WithDefault("true")
        boolean enabled();

        /** Tokens remembered at most, the least recently used forgotten first (about 1 KB each). */
        @WithDefault("10000")
        int maxEntries();

        /**
         * How long a verified token is taken on trust at most, even if its {@code exp} is later: with an
         * external identity provider, how long a key removed from its key set still admits what it signed.
         */
        @WithDefault("60s")
        Duration maxAge();
    }

    Cors cors();

    interface Cors {
        /**
         * Browser origins (e.g. {@code https://thidua.example.vn}) allowed to call the gateway from
         * another site; none by default. Applied through Quarkus's CORS filter ({@code quarkus.http.cors.origins}).
         */
        Optional<List<String>> allowedOrigins();
    }

    AccessLog accessLog();

    interface AccessLog {
        @WithDefault("true")
        boolean enabled();

        /** Path prefixes not logged, so probes and scrapes do not drown the calls. */
        @WithDefault("/q/health,/q/metrics")
        List<String> skipPaths();
    }

    OpenApi openapi();

    interface OpenApi {
        /** How long the merged document is reused before the services are asked again. */
        @WithDefault("30s")
        Duration cacheFor();

        /** How long to wait for one service's document; a slower one is left out with a note. */
        @WithDefault("3s")
        Duration fetchTimeout();
    }

    interface Route {
        /** A path prefix such as {@code /api/units}: the prefix itself and everything below it. */
        String prefix();

        /** The service's base URL, scheme, host and port only, e.g. {@code http://localhost:8081}. */
        String url();
    }
}
