package vn.thidua.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * A token bucket per client: {@code burst} requests at once, refilled at {@code requestsPerSecond}.
 *
 * <p>The buckets live in this gateway's memory. With N replicas behind a load balancer a client
 * gets up to N times the limit, and a restart forgets everything; sharing the buckets would take a
 * common store (Bucket4j has back ends for Redis and JDBC) and a network round trip per request.
 */
public final class ClientRateLimiter {
    private final Bandwidth bandwidth;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    public ClientRateLimiter(int requestsPerSecond, int burst, int maxClients, TimeMeter clock) {
        if (requestsPerSecond < 1 || burst < 1 || maxClients < 1) {
            throw new IllegalArgumentException("thidua.gateway.rate-limit needs requests-per-second, burst and max-clients of at least 1");
        }
        this.bandwidth = Bandwidth.builder().capacity(burst).refillGreedy(requestsPerSecond, Duration.ofSeconds(1)).build();
        this.clock = clock;
        // A bucket idle long enough to be full again holds no information: forgetting it changes nothing.
        long refillNanos = Math.max(1, (long) Math.ceil(burst * 1e9 / requestsPerSecond));
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(Duration.ofNanos(refillNanos).plusSeconds(1))
                .ticker(clock::currentTimeNanos)
                .build();
    }

    public static ClientRateLimiter withSystemClock(int requestsPerSecond, int burst, int maxClients) {
        return new ClientRateLimiter(requestsPerSecond, burst, maxClients, TimeMeter.SYSTEM_NANOTIME);
    }

    /** Takes one request from {@code client}'s bucket: empty when allowed, else the seconds until the next one is. */
    public OptionalLong tryAcquire(String client) {
        Bucket bucket = buckets.get(client, key -> Bucket.builder().addLimit(bandwidth).withCustomTimePrecision(clock).build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(1, TimeUnit.NANOSECONDS.toSeconds(probe.getNanosToWaitForRefill() + 999_999_999L)));
    }
}
