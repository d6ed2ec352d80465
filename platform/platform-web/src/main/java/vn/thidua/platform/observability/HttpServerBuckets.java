package vn.thidua.platform.observability;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * Publishes the HTTP server timer as a histogram, so that Prometheus computes latency quantiles over
 * pods and routes (the slow-responses alert and the dashboards' p99 in deploy/monitoring). Fixed
 * buckets, from 5 ms to 10 s, rather than Micrometer's 70-odd: a dozen series per route and status
 * is what a quantile over a few pods needs.
 */
@Singleton
public class HttpServerBuckets {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";
    static final double[] BUCKETS = Stream.of(5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000)
            .mapToDouble(millis -> Duration.ofMillis(millis).toNanos()).toArray();

    @Produces
    @Singleton
    MeterFilter httpServerRequestBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!HTTP_SERVER_REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(BUCKETS).build().merge(config);
            }
        };
    }
}
