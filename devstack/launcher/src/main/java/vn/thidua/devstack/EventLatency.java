package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures, through the gateway of a running stack, the time from the 201 of
 * {@code POST /api/units} to scoring-service having applied the event to its read model
 * (outbox → relay → Kafka → consumer → inbox → read model).
 *
 * <p>The figure is read from the read model itself: scoring-service stamps each unit it applies
 * with the instant of applying it ({@code updatedAt}, taken in the consumer's transaction), and
 * that instant, on the same host clock, minus the instant this client got the 201 is the sample.
 * Polling for the unit only fetches that stamp, so neither the polling's pace nor its round trips
 * through the gateway are in the figure. Polling every 2 ms, as this benchmark once did, also took
 * CPU from the consumer it was timing on two cores; it now looks every 10 ms, and the time the unit
 * was first seen through the gateway is printed beside the figure as what a client would notice.
 */
final class EventLatency {
    private static final int WARM_UP = 5;
    private static final Duration POLL_INTERVAL = Duration.ofMillis(10);

    /** One registration: response to applied (the figure), and response to first seen by a polling client. */
    record Sample(Duration applied, Duration seen) {
    }

    /**
     * {@code ./thidua latency [N]}: the system's figure, then in the same run the raw broker's
     * produce → consume latency (the baseline), and their ratio.
     */
    static void run(String gatewayUrl, String kafkaBootstrapServers, int samples, BenchReport report) throws Exception {
        List<Sample> measured = measure(gatewayUrl, samples);
        List<Duration> applied = measured.stream().map(Sample::applied).toList();
        List<Duration> seen = measured.stream().map(Sample::seen).toList();
        List<Duration> raw = RawKafkaLatency.measure(kafkaBootstrapServers, Math.max(samples, 100));
        System.out.printf("POST /api/units 201 -> applied by scoring-service, %d samples: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                samples, quantile(applied, 0.5), quantile(applied, 0.9), quantile(applied, 0.99), quantile(applied, 1));
        System.out.printf("POST /api/units 201 -> first seen through the gateway (polled every %d ms): median %.1f ms, p99 %.1f ms%n",
                POLL_INTERVAL.toMillis(), quantile(seen, 0.5), quantile(seen, 0.99));
        double medianRatio = quantile(applied, 0.5) / quantile(raw, 0.5);
        double p99Ratio = quantile(applied, 0.99) / quantile(raw, 0.99);
        System.out.printf("raw Kafka, produce -> consume on the same broker: %s; the system's median is %.1f× it, its p99 %.1f× (load average %s)%n",
                RawKafkaLatency.describe(raw), medianRatio, p99Ratio, BenchReport.loadAverage());
        report.add("event latency", "change → applied, median", BenchReport.millis(quantile(applied, 0.5)),
                BenchReport.millis(quantile(raw, 0.5)) + " raw Kafka", BenchReport.ratio(medianRatio));
        report.add("event latency", "change → applied, p99", BenchReport.millis(quantile(applied, 0.99)),
                BenchReport.millis(quantile(raw, 0.99)) + " raw Kafka", BenchReport.ratio(p99Ratio), "p99 ≤ 3× raw", p99Ratio <= 3);
    }

    private static double quantile(List<Duration> values, double quantile) {
        return RawKafkaLatency.millis(BenchReport.nearestRank(values.stream().sorted().toList(), quantile));
    }

    /** {@code samples} registrations, one at a time, after a few not counted (as the raw baseline warms up too). */
    static List<Sample> measure(String gatewayUrl, int samples) {
        GatewayClient gateway = new GatewayClient(gatewayUrl);
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(10, 99));
        List<Sample> measured = new ArrayList<>();
        for (int i = 0; i < WARM_UP + samples; i++) {
            String code = "LAT." + run + "." + System.nanoTime() % 1_000_000_000L;
            HttpResponse<String> created = gateway.postJson("/api/units", board, GatewayClient.unit(code, "Đơn vị đo độ trễ " + i));
            Instant responded = Instant.now();
            long respondedNanos = System.nanoTime();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Registration refused: " + created.statusCode() + " " + created.body());
            }
            Sample sample = awaitApplied(gateway, board, code, responded, respondedNanos);
            if (i >= WARM_UP) {
                measured.add(sample);
            }
        }
        return measured;
    }

    private static Sample awaitApplied(GatewayClient gateway, String token, String code, Instant responded, long respondedNanos) {
        Pacer pacer = new Pacer(POLL_INTERVAL);
        long deadline = respondedNanos + Duration.ofSeconds(30).toNanos();
        while (true) {
            pacer.awaitNextTick();
            HttpResponse<String> known = gateway.get("/api/scoring/units/" + code, token);
            if (known.statusCode() == 200) {
                Duration seen = Duration.ofNanos(System.nanoTime() - respondedNanos);
                JsonNode unit = GatewayClient.read(known.body());
                Instant applied = Instant.parse(unit.get("updatedAt").asText());
                return new Sample(Duration.between(responded, applied), seen);
            }
            // a refusal by the gateway's rate limit would silently stretch the figure: stop instead
            if (known.statusCode() != 404) {
                throw new IllegalStateException("Polling scoring-service for " + code + " got " + known.statusCode() + " " + known.body());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scoring-service never learned " + code);
            }
        }
    }

    private EventLatency() {
    }
}
