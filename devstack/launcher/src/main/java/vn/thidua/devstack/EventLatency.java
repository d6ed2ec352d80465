package vn.thidua.devstack;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Measures, through the gateway of a running stack, the time from the 201 of
 * {@code POST /api/units} to the unit being readable in scoring-service's read model
 * (outbox → relay → Kafka → consumer → inbox → read model), polling every 2 ms.
 */
final class EventLatency {

    /**
     * {@code ./thidua latency [N]}: the system's figure, then in the same run the raw broker's
     * produce → consume latency (the baseline), and their ratio.
     */
    static void run(String gatewayUrl, String kafkaBootstrapServers, int samples, BenchReport report) throws Exception {
        List<Duration> system = measure(gatewayUrl, samples);
        List<Duration> raw = RawKafkaLatency.measure(kafkaBootstrapServers, Math.max(samples, 100));
        double medianRatio = quantile(system, 0.5) / quantile(raw, 0.5);
        double p99Ratio = quantile(system, 0.99) / quantile(raw, 0.99);
        System.out.printf("raw Kafka, produce -> consume on the same broker: %s; the system's median is %.1f× it, its p99 %.1f×%n",
                RawKafkaLatency.describe(raw), medianRatio, p99Ratio);
        report.add("event latency", "change → applied, median", BenchReport.millis(quantile(system, 0.5)),
                BenchReport.millis(quantile(raw, 0.5)) + " raw Kafka", BenchReport.ratio(medianRatio));
        report.add("event latency", "change → applied, p99", BenchReport.millis(quantile(system, 0.99)),
                BenchReport.millis(quantile(raw, 0.99)) + " raw Kafka", BenchReport.ratio(p99Ratio), "p99 ≤ 3× raw", p99Ratio <= 3);
    }

    private static double quantile(List<Duration> values, double quantile) {
        List<Duration> sorted = values.stream().sorted().toList();
        return RawKafkaLatency.millis(sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * quantile) - 1)));
    }

    static List<Duration> measure(String gatewayUrl, int samples) {
        GatewayClient gateway = new GatewayClient(gatewayUrl);
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(10, 99));
        List<Duration> latencies = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String code = "LAT." + run + "." + System.nanoTime() % 1_000_000_000L;
            HttpResponse<String> created = gateway.postJson("/api/units", board, GatewayClient.unit(code, "Đơn vị đo độ trễ " + i));
            long committed = System.nanoTime();
            if (created.statusCode() != 201) {
                throw new IllegalStateException("Registration refused: " + created.statusCode() + " " + created.body());
            }
            long deadline = committed + Duration.ofSeconds(30).toNanos();
            for (int status = gateway.get("/api/scoring/units/" + code, board).statusCode(); status != 200;
                    status = gateway.get("/api/scoring/units/" + code, board).statusCode()) {
                // polling every 2 ms is well over the gateway's per-client rate: a refusal would
                // silently stretch the figure, so it stops the measurement instead
                if (status == 429) {
                    throw new IllegalStateException("The gateway's rate limit refused the polling; run with fewer samples, or start"
                            + " the stack with a higher THIDUA_GATEWAY_RATE_LIMIT_RPS / THIDUA_GATEWAY_RATE_LIMIT_BURST");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("scoring-service never learned " + code);
                }
                java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
            }
            latencies.add(Duration.ofNanos(System.nanoTime() - committed));
        }
        List<Duration> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("POST /api/units -> visible in scoring read model, %d samples: min %d ms, median %d ms, p90 %d ms, max %d ms%n",
                samples, sorted.get(0).toMillis(), sorted.get(samples / 2).toMillis(),
                sorted.get((int) Math.ceil(samples * 0.9) - 1).toMillis(), sorted.get(samples - 1).toMillis());
        return latencies;
    }

    private EventLatency() {
    }
}
