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
import java.util.Map;
import java.nio.file.Path;

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
    private static final Duration PAIR_INTERVAL = Duration.ofMillis(12);

    static void run(String gatewayUrl, String unitsUrl, int samples, BenchReport report) {
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
        try {
            Path plot = LatencyPlot.write(Path.of(".thidua", "bench", "gateway-latency.png"),
                    "GET " + path + ": " + samples + " requests each way",
                    orderedSeries(directMicros, gatewayMicros));
            System.out.println("latency distributions plotted in " + plot);
        } catch (IOException e) {
            System.out.println("no plot: " + e);
        }
        throughput(http, direct, proxied);
    }

    private static final int THROUGHPUT_CLIENTS = 8;
    private static final Duration THROUGHPUT_ROUND = Duration.ofSeconds(5);

    /**
     * Throughput: {@value #THROUGHPUT_CLIENTS} clients as fast as they can, directly and through the
     * gateway in turn, twice each, so the machine's drift falls on both. The gateway's per-client rate
     * limit would be what is measured otherwise: start the stack with a high one
     * ({@code THIDUA_GATEWAY_RATE_LIMIT_RPS=1000000 THIDUA_GATEWAY_RATE_LIMIT_BURST=1000000 ./thidua up}).
     */
    private static void throughput(HttpClient http, HttpRequest direct, HttpRequest proxied) {
        double directTotal = 0;
        double gatewayTotal = 0;
        for (int round = 0; round < 2; round++) {
            directTotal += requestsPerSecond(http, direct);
            double gateway = requestsPerSecond(http, proxied);
            if (gateway < 0) {
                System.out.println("throughput: the gateway answered 429 (its per-client rate limit); restart the stack with"
                        + " THIDUA_GATEWAY_RATE_LIMIT_RPS=1000000 THIDUA_GATEWAY_RATE_LIMIT_BURST=1000000 to measure the gateway itself");
                return;
            }
            gatewayTotal += gateway;
        }
        System.out.printf("throughput, %d clients, 2 rounds of %d s each way: directly %.0f/s, through the gateway %.0f/s, ratio %.0f %%%n",
                THROUGHPUT_CLIENTS, THROUGHPUT_ROUND.toSeconds(), directTotal / 2, gatewayTotal / 2, 100 * gatewayTotal / directTotal);
    }

    /** Completed 200s per second over one round, or -1 if any request was refused by a rate limit. */
    private static double requestsPerSecond(HttpClient http, HttpRequest request) {
        long end = System.nanoTime() + THROUGHPUT_ROUND.toNanos();
        java.util.concurrent.atomic.LongAdder completed = new java.util.concurrent.atomic.LongAdder();
        java.util.concurrent.atomic.AtomicBoolean limited = new java.util.concurrent.atomic.AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < THROUGHPUT_CLIENTS; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end && !limited.get()) {
                    int status = send(http, request).statusCode();
                    if (status == 429) {
                        limited.set(true);
                    } else if (status == 200) {
                        completed.increment();
                    } else {
                        throw new IllegalStateException(request.uri() + " answered " + status);
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            try {
                client.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return limited.get() ? -1 : completed.sum() / (double) THROUGHPUT_ROUND.toSeconds();
    }

    /** Pairs of timings in microseconds, in the order sent: [direct, gateway]. */
    private static List<List<Long>> measure(HttpClient http, HttpRequest direct, HttpRequest proxied, int pairs) {
        List<Long> directMicros = new ArrayList<>(pairs);
        List<Long> gatewayMicros = new ArrayList<>(pairs);
        Pacer pacer = new Pacer(PAIR_INTERVAL);
        for (int i = 0; i < pairs; i++) {
            directMicros.add(time(http, direct));
            gatewayMicros.add(time(http, proxied));
            pacer.awaitNextTick();
        }
        return List.of(directMicros, gatewayMicros);
    }

    private static long time(HttpClient http, HttpRequest request) {
        long start = System.nanoTime();
        HttpResponse<byte[]> response = send(http, request);
        long micros = (System.nanoTime() - start) / 1000;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
        return micros;
    }

    /** Direct first, so each run's plot gives the two the same colours. */
    private static Map<String, List<Long>> orderedSeries(List<Long> directMicros, List<Long> gatewayMicros) {
        Map<String, List<Long>> series = new java.util.LinkedHashMap<>();
        series.put("units-service directly", directMicros);
        series.put("through the gateway", gatewayMicros);
        return series;
    }

    private static HttpResponse<byte[]> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
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
