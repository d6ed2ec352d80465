package vn.thidua.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./thidua bench-gateway [SAMPLES]}: what the gateway adds to one request. The same GET
 * ({@code /api/units/{code}} of a demo unit, a primary-key read) is sent to units-service directly
 * and through the gateway, alternately, one at a time over kept-alive HTTP/1.1 connections, with the
 * same token; the difference of the two distributions is the gateway's cost (token check, rate
 * limit, breaker, routing, one more hop on loopback, access log).
 *
 * <p>The pairs are paced (one every 12 ms) so the caller stays under the gateway's default rate
 * limit of 100 requests per second; pacing also keeps the machine's load the same for both targets.
 */
final class GatewayBenchmark {
    private static final long PAIR_INTERVAL_NANOS = Duration.ofMillis(12).toNanos();

    static void run(String gatewayUrl, String unitsUrl, int samples) {
        String board = new GatewayClient(gatewayUrl).passwordToken("board", DemoData.PASSWORD);
        String path = "/api/units/" + DemoData.CLUSTER_7_UNITS.get(0).code();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest direct = HttpRequest.newBuilder(URI.create(unitsUrl + path)).header("Authorization", "Bearer " + board).GET().build();
        HttpRequest proxied = HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + board).GET().build();

        int warmUp = Math.max(200, samples / 2);
        System.out.printf("GET %s: %d warm-up pairs, then %d measured pairs (direct, then through the gateway) ...%n", path, warmUp, samples);
        measure(http, direct, proxied, warmUp);
        List<List<Long>> measured = measure(http, direct, proxied, samples);
        List<Long> directMicros = measured.get(0);
        List<Long> gatewayMicros = measured.get(1);
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            added.add(gatewayMicros.get(i) - directMicros.get(i));
        }
        Collections.sort(directMicros);
        Collections.sort(gatewayMicros);
        Collections.sort(added);
        print("units-service directly", directMicros);
        print("through the gateway", gatewayMicros);
        System.out.printf("%-24s median %.2f ms, p99 %.2f ms (gateway p50 - direct p50: %.2f ms; gateway p99 - direct p99: %.2f ms)%n",
                "added by the gateway", at(added, 0.50), at(added, 0.99),
                at(gatewayMicros, 0.50) - at(directMicros, 0.50), at(gatewayMicros, 0.99) - at(directMicros, 0.99));
    }

    /** Pairs of timings in microseconds, in the order sent: [direct, gateway]. */
    private static List<List<Long>> measure(HttpClient http, HttpRequest direct, HttpRequest proxied, int pairs) {
        List<Long> directMicros = new ArrayList<>(pairs);
        List<Long> gatewayMicros = new ArrayList<>(pairs);
        long next = System.nanoTime();
        for (int i = 0; i < pairs; i++) {
            directMicros.add(time(http, direct));
            gatewayMicros.add(time(http, proxied));
            next += PAIR_INTERVAL_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        return List.of(directMicros, gatewayMicros);
    }

    private static long time(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return micros;
    }

    private static void print(String what, List<Long> sortedMicros) {
        System.out.printf("%-24s median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                at(sortedMicros, 0.50), at(sortedMicros, 0.90), at(sortedMicros, 0.99), sortedMicros.get(sortedMicros.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sortedMicros, double quantile) {
        return sortedMicros.get((int) Math.ceil(quantile * sortedMicros.size()) - 1) / 1000.0;
    }

    private GatewayBenchmark() {
    }
}
