package vn.thidua.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * {@code ./thidua bench-gateway [SAMPLES]}: what the gateway adds to a read and to a write. Each is
 * sent to units-service directly and through the gateway, alternately, over kept-alive HTTP/1.1
 * connections, with the same token; the difference of the two distributions is the gateway's cost
 * (token check, rate limit, breaker, routing, one more hop on loopback, access log).
 *
 * <ul>
 * <li>read: {@code GET /api/units/{code}} of a demo unit, a primary-key read;</li>
 * <li>write: {@code PUT /api/units/{code}} with {@code If-Match}, as the registry's edit form sends it,
 *     changing the contact phone (two values in turn, so every write is a real change: a new version
 *     and a {@code UnitUpdated} event). It edits units of its own ({@value #BENCH_UNIT_PREFIX}1…8,
 *     registered on the first run), one per client so clients never collide on a version, and the
 *     registry never grows past them.</li>
 * </ul>
 *
 * <p>Latency: requests go out on a fixed schedule, direct and gateway in turn (a read every 6 ms, a
 * write every 10 ms, since a write takes longer and a schedule the service cannot keep would measure
 * only the queue), so the caller stays under the gateway's default rate limit of 100 requests per
 * second and the machine's load is the same for both targets. Each latency counts from the scheduled
 * send time, so a request held up behind a slow one carries that wait (no coordinated omission).
 *
 * <p>Throughput: {@value #THROUGHPUT_CLIENTS} closed-loop clients, directly and through the gateway in
 * turn, twice each; the CPU the gateway, units-service and this client burn in each round is read
 * from the OS, so the ratio can be explained on a machine whose cores all three share.
 */
final class GatewayBenchmark {
    private static final int THROUGHPUT_CLIENTS = 8;
    /** The length of one throughput round in a measurement; a quick check of the harness runs shorter ones. */
    static final Duration THROUGHPUT_ROUND = Duration.ofSeconds(5);
    private static final String BENCH_UNIT_PREFIX = "BENCH.GW.";
    private static final double TARGET_RATIO = 0.80;

    static void run(String gatewayUrl, String unitsUrl, int samples, BenchReport report) {
        run(gatewayUrl, unitsUrl, samples, THROUGHPUT_ROUND, report);
    }

    static void run(String gatewayUrl, String unitsUrl, int samples, Duration throughputRound, BenchReport report) {
        GatewayClient gateway = new GatewayClient(gatewayUrl);
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        List<Workload> workloads = List.of(
                new Read("/api/units/" + DemoData.CLUSTER_7_UNITS.get(0).code(), board),
                new Write(benchUnits(gateway, board), board));
        Targets targets = new Targets(unitsUrl, gatewayUrl);
        report.note("gateway: load average " + BenchReport.loadAverage() + " at the start, " + Runtime.getRuntime().availableProcessors()
                + " cores shared by this client, the gateway and units-service");

        Map<String, List<Long>> plotted = new LinkedHashMap<>();
        for (Workload workload : workloads) {
            latency(http, workload, targets, samples, report, plotted);
        }
        try {
            Path plot = LatencyPlot.write(report.outputDir().resolve("gateway-latency.png"),
                    "Read and write, " + samples + " requests each way", plotted);
            System.out.println("latency distributions plotted in " + plot);
        } catch (IOException e) {
            System.out.println("no plot: " + e);
        }
        for (Workload workload : workloads) {
            throughput(http, workload, targets, throughputRound, report);
        }
    }

    /** The two ways in, and the processes behind them (when this machine runs them), for their CPU time. */
    private record Targets(String direct, String gateway, Optional<ProcessHandle> directProcess, Optional<ProcessHandle> gatewayProcess) {
        Targets(String direct, String gateway) {
            this(direct, gateway, listening(direct), listening(gateway));
        }

        /** The local Quarkus service started with that port ({@code -Dquarkus.http.port=...}), if any. */
        private static Optional<ProcessHandle> listening(String url) {
            String port = "-Dquarkus.http.port=" + URI.create(url).getPort();
            return ProcessHandle.allProcesses()
                    .filter(p -> p.info().arguments().map(args -> List.of(args).contains(port)).orElse(false))
                    .findFirst();
        }
    }

    // ---------------------------------------------------------------- latency

    private static void latency(HttpClient http, Workload workload, Targets targets, int samples, BenchReport report,
            Map<String, List<Long>> plotted) {
        int warmUp = Math.max(200, samples / 2);
        System.out.printf("%s: %d warm-up pairs, then %d measured pairs (direct, then through the gateway; load average %s) ...%n",
                workload.describe(), warmUp, samples, BenchReport.loadAverage());
        measure(http, workload, targets, warmUp);
        Measured measured = measure(http, workload, targets, samples);
        List<Long> directMicros = measured.directMicros();
        List<Long> gatewayMicros = measured.gatewayMicros();
        List<Long> added = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            added.add(gatewayMicros.get(i) - directMicros.get(i));
        }
        Collections.sort(directMicros);
        Collections.sort(gatewayMicros);
        Collections.sort(added);
        String load = BenchReport.loadAverage();
        print(workload.name() + " directly", directMicros);
        print(workload.name() + " via gateway", gatewayMicros);
        System.out.printf("%-24s gateway p50 - direct p50: %.2f ms; gateway p99 - direct p99: %.2f ms (per pair: median %.2f ms, p99 %.2f ms);"
                        + " load average %s%n", "added by the gateway",
                at(gatewayMicros, 0.50) - at(directMicros, 0.50), at(gatewayMicros, 0.99) - at(directMicros, 0.99),
                at(added, 0.50), at(added, 0.99), load);
        // The difference of the percentiles, not the percentiles of each pair's difference: once the machine
        // stalls and the schedule falls behind, both requests of a pair carry the same backlog, counted from
        // two different scheduled times, so a pair's difference means little; the distributions still do.
        report.add("gateway", workload.name() + " (" + workload.describe() + "): latency added at the median, " + samples + " each way",
                signed(at(gatewayMicros, 0.50) - at(directMicros, 0.50)), BenchReport.millis(at(directMicros, 0.50)) + " directly", "");
        report.add("gateway", workload.name() + ": latency added at p99",
                signed(at(gatewayMicros, 0.99) - at(directMicros, 0.99)), BenchReport.millis(at(directMicros, 0.99)) + " directly", "");
        double latePercent = 100.0 * measured.late() / (2.0 * samples);
        System.out.printf("%.1f %% of the requests went out more than 1 ms after their scheduled time (their wait is in the figures)%n", latePercent);
        if (latePercent >= 1) {
            report.note(String.format("gateway %s latency: %.0f %% of the requests went out late, behind a slower one: the machine"
                    + " (load average %s) did not keep up with the schedule, and the figures include that queue", workload.name(), latePercent, load));
        }
        plotted.put(workload.name() + ", units-service directly", directMicros);
        plotted.put(workload.name() + ", through the gateway", gatewayMicros);
    }

    /** Timings in microseconds, pair by pair in the order sent, and how many requests went out late. */
    private record Measured(List<Long> directMicros, List<Long> gatewayMicros, int late) {
    }

    private static final long LATE_NANOS = Duration.ofMillis(1).toNanos();

    private static Measured measure(HttpClient http, Workload workload, Targets targets, int pairs) {
        List<Long> directMicros = new ArrayList<>(pairs);
        List<Long> gatewayMicros = new ArrayList<>(pairs);
        int late = 0;
        Pacer pacer = new Pacer(workload.interval());
        for (int i = 0; i < pairs; i++) {
            long scheduled = pacer.awaitNextTick();
            late += System.nanoTime() - scheduled > LATE_NANOS ? 1 : 0;
            directMicros.add(time(http, workload, targets.direct(), scheduled));
            scheduled = pacer.awaitNextTick();
            late += System.nanoTime() - scheduled > LATE_NANOS ? 1 : 0;
            gatewayMicros.add(time(http, workload, targets.gateway(), scheduled));
        }
        return new Measured(directMicros, gatewayMicros, late);
    }

    /** From the scheduled send time, not the actual one: a send delayed by the previous request still counts that delay. */
    private static long time(HttpClient http, Workload workload, String baseUrl, long scheduledNanos) {
        HttpResponse<byte[]> response = send(http, workload.request(baseUrl, 0));
        long micros = (System.nanoTime() - scheduledNanos) / 1000;
        workload.answered(0, response);
        return micros;
    }

    // ---------------------------------------------------------------- throughput

    /** One round: completed requests per second, and the CPU each process burnt per request, in ms. */
    private record Round(double perSecond, double gatewayCpuMs, double serviceCpuMs, double clientCpuMs) {
    }

    /**
     * Throughput: the clients as fast as they can, directly and through the gateway in turn, twice
     * each, so the machine's drift falls on both. The gateway's per-client rate limit would be what is
     * measured otherwise: start the stack with a high one
     * ({@code THIDUA_GATEWAY_RATE_LIMIT_RPS=1000000 THIDUA_GATEWAY_RATE_LIMIT_BURST=1000000 ./thidua up}).
     */
    private static void throughput(HttpClient http, Workload workload, Targets targets, Duration roundLength, BenchReport report) {
        List<Round> direct = new ArrayList<>();
        List<Round> proxied = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            direct.add(round(http, workload, targets.direct(), targets, roundLength));
            Optional<Round> gateway = Optional.ofNullable(round(http, workload, targets.gateway(), targets, roundLength));
            if (gateway.isEmpty()) {
                System.out.println("throughput: the gateway answered 429 (its per-client rate limit); restart the stack with"
                        + " THIDUA_GATEWAY_RATE_LIMIT_RPS=1000000 THIDUA_GATEWAY_RATE_LIMIT_BURST=1000000 to measure the gateway itself");
                report.note("gateway " + workload.name() + " throughput not measured: the gateway's rate limit answered 429");
                return;
            }
            proxied.add(gateway.get());
        }
        Round d = mean(direct);
        Round g = mean(proxied);
        double ratio = g.perSecond() / d.perSecond();
        String load = BenchReport.loadAverage();
        System.out.printf("%s throughput, %d clients, 2 rounds of %d s each way: directly %.0f/s, through the gateway %.0f/s, ratio %.0f %%;"
                        + " load average %s%n",
                workload.name(), THROUGHPUT_CLIENTS, roundLength.toSeconds(), d.perSecond(), g.perSecond(), 100 * ratio, load);
        String cpu = String.format("CPU per request: directly units-service %.2f ms + client %.2f ms;"
                        + " through the gateway gateway %.2f ms + units-service %.2f ms + client %.2f ms",
                d.serviceCpuMs(), d.clientCpuMs(), g.gatewayCpuMs(), g.serviceCpuMs(), g.clientCpuMs());
        System.out.println("  " + cpu);
        report.add("gateway", String.format("%s throughput, %d clients, through the gateway", workload.name(), THROUGHPUT_CLIENTS),
                String.format("%.0f/s", g.perSecond()), String.format("%.0f/s directly", d.perSecond()),
                String.format("%.0f %%", 100 * ratio), "≥ 80 % of direct", ratio >= TARGET_RATIO);
        if (g.gatewayCpuMs() > 0 && d.serviceCpuMs() > 0) {
            // CPU time does not depend on who else runs on the machine the way requests per second do
            report.add("gateway", workload.name() + ": gateway CPU per proxied request",
                    BenchReport.millis(g.gatewayCpuMs()), BenchReport.millis(d.serviceCpuMs()) + " units-service's per direct request",
                    String.format("%.0f %%", 100 * g.gatewayCpuMs() / d.serviceCpuMs()));
        }
        report.note("gateway " + workload.name() + " throughput (load average " + load + " after it): " + cpu);
    }

    private static Round mean(List<Round> rounds) {
        return new Round(rounds.stream().mapToDouble(Round::perSecond).average().orElse(0),
                rounds.stream().mapToDouble(Round::gatewayCpuMs).average().orElse(0),
                rounds.stream().mapToDouble(Round::serviceCpuMs).average().orElse(0),
                rounds.stream().mapToDouble(Round::clientCpuMs).average().orElse(0));
    }

    /** Completed requests per second over one round and the CPU it cost, or null if the gateway's rate limit refused one. */
    private static Round round(HttpClient http, Workload workload, String baseUrl, Targets targets, Duration roundLength) {
        long gatewayCpu = cpuNanos(targets.gatewayProcess());
        long serviceCpu = cpuNanos(targets.directProcess());
        long clientCpu = cpuNanos(Optional.of(ProcessHandle.current()));
        long end = System.nanoTime() + roundLength.toNanos();
        LongAdder completed = new LongAdder();
        AtomicBoolean limited = new AtomicBoolean();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < THROUGHPUT_CLIENTS; c++) {
            int slot = c;
            Thread client = new Thread(() -> {
                while (System.nanoTime() < end && !limited.get()) {
                    HttpResponse<byte[]> response = send(http, workload.request(baseUrl, slot));
                    if (response.statusCode() == 429) {
                        limited.set(true);
                    } else {
                        workload.answered(slot, response);
                        completed.increment();
                    }
                }
            }, "bench-gateway-" + c);
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
        if (limited.get()) {
            return null;
        }
        double n = Math.max(1, completed.sum());
        return new Round(completed.sum() / (double) roundLength.toSeconds(),
                (cpuNanos(targets.gatewayProcess()) - gatewayCpu) / 1e6 / n,
                (cpuNanos(targets.directProcess()) - serviceCpu) / 1e6 / n,
                (cpuNanos(Optional.of(ProcessHandle.current())) - clientCpu) / 1e6 / n);
    }

    private static long cpuNanos(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(Duration::toNanos).orElse(0L);
    }

    // ---------------------------------------------------------------- what is sent

    /** One kind of request; {@code slot} is the client sending it, so a write knows which unit and version are its own. */
    private interface Workload {
        String name();

        String describe();

        /** Between two requests of the latency schedule (direct, gateway, direct, ...). */
        Duration interval();

        HttpRequest request(String baseUrl, int slot);

        /** Checks the answer and keeps what the next request needs; throws on anything but success. */
        void answered(int slot, HttpResponse<byte[]> response);
    }

    private record Read(String path, String token) implements Workload {
        @Override
        public String name() {
            return "read";
        }

        @Override
        public String describe() {
            return "GET /api/units/{code}";
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(6);
        }

        @Override
        public HttpRequest request(String baseUrl, int slot) {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token).GET().build();
        }

        @Override
        public void answered(int slot, HttpResponse<byte[]> response) {
            expect(response, 200);
        }
    }

    /** A unit the write edits, its current version, and which of the two phone numbers it has. */
    private static final class BenchUnit {
        final String code;
        long version;
        boolean flipped;

        BenchUnit(String code, long version) {
            this.code = code;
            this.version = version;
        }
    }

    /**
     * Slot {@code i} edits unit {@code i} only; a slot's requests come from one thread at a time (a
     * round's threads are joined before the next starts), so its fields need no locking.
     */
    private record Write(List<BenchUnit> units, String token) implements Workload {
        @Override
        public String name() {
            return "write";
        }

        @Override
        public String describe() {
            return "PUT /api/units/{code} with If-Match";
        }

        @Override
        public Duration interval() {
            return Duration.ofMillis(10);
        }

        @Override
        public HttpRequest request(String baseUrl, int slot) {
            BenchUnit unit = units.get(slot);
            unit.flipped = !unit.flipped;
            String body = "{\"name\":\"" + benchName(unit.code) + "\",\"contact\":{\"person\":\"Benchmark\",\"phone\":\""
                    + (unit.flipped ? "0237 385 0001" : "0237 385 0002") + "\"}}";
            return HttpRequest.newBuilder(URI.create(baseUrl + "/api/units/" + unit.code))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .header("If-Match", "\"" + unit.version + "\"")
                    .PUT(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        @Override
        public void answered(int slot, HttpResponse<byte[]> response) {
            expect(response, 200);
            units.get(slot).version = version(response.headers().firstValue("ETag").orElseThrow());
        }
    }

    /** The write's own units, registered on the first run, with their current versions. */
    private static List<BenchUnit> benchUnits(GatewayClient gateway, String token) {
        List<BenchUnit> units = new ArrayList<>();
        for (int i = 1; i <= THROUGHPUT_CLIENTS; i++) {
            String code = BENCH_UNIT_PREFIX + i;
            HttpResponse<String> found = gateway.get("/api/units/" + code, token);
            if (found.statusCode() == 404) {
                found = gateway.postJson("/api/units", token, GatewayClient.unit(code, benchName(code)));
            }
            if (found.statusCode() != 200 && found.statusCode() != 201) {
                throw new IllegalStateException("unit " + code + ": " + found.statusCode() + " " + found.body());
            }
            units.add(new BenchUnit(code, version(found.headers().firstValue("ETag").orElseThrow())));
        }
        return units;
    }

    private static String benchName(String code) {
        return "Đơn vị đo hiệu năng " + code;
    }

    private static long version(String etag) {
        String tag = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Long.parseLong(tag.replace("\"", ""));
    }

    private static void expect(HttpResponse<byte[]> response, int status) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered "
                    + response.statusCode() + ": " + new String(response.body()));
        }
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

    private static String signed(double millis) {
        return (millis < 0 ? "−" : "+") + BenchReport.millis(Math.abs(millis));
    }

    private static void print(String what, List<Long> sortedMicros) {
        System.out.printf("%-24s median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", what,
                at(sortedMicros, 0.50), at(sortedMicros, 0.90), at(sortedMicros, 0.99), sortedMicros.get(sortedMicros.size() - 1) / 1000.0);
    }

    private static double at(List<Long> sortedMicros, double quantile) {
        return BenchReport.nearestRank(sortedMicros, quantile) / 1000.0;
    }

    private GatewayBenchmark() {
    }
}
