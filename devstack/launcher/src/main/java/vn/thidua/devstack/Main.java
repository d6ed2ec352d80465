package vn.thidua.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import java.util.stream.Stream;
import vn.thidua.devstack.portal.FakePortal;

/**
 * {@code ./thidua up}: the whole stack on this machine with the seed story's demo data, until
 * Ctrl-C or SIGTERM. {@code ./thidua bench [quick]}: every benchmark below, one table of figures ({@link BenchSuite}).
 * {@code ./thidua latency [N]}: against a running stack, the time from
 * registering a unit to scoring-service knowing it. {@code ./thidua bench-registry [UNITS] [SEARCHES]}:
 * import and search timings of the unit registry. {@code ./thidua bench-ranking [CLUSTERS] [SAMPLES]} and
 * {@code ./thidua bench-ballots [SESSIONS] [CLIENTS]}: on private stacks of their own, ranking and secret ballot timings.
 * {@code ./thidua bench-gateway [SAMPLES]}: against a running stack, the latency the gateway adds to a request.
 * {@code ./thidua bench-footprint [REQUESTS]}: on a private stack, each service's start-to-ready time and resident memory.
 */
public final class Main {
    /** Where the benchmarks' tables and plots go, under the project's root (ignored by git). */
    private static final String BENCH_RESULTS = "bench-results";

    public static void main(String[] args) throws Exception {
        configureLogging();
        String command = args.length == 0 ? "up" : args[0];
        Path root = Path.of(System.getProperty("thidua.root", ".")).toAbsolutePath().normalize();
        switch (command) {
            case "up" -> up(root);
            case "latency" -> report(root, report -> EventLatency.run("http://127.0.0.1:8080",
                    System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092"),
                    args.length > 1 ? Integer.parseInt(args[1]) : 20, report));
            case "bench" -> BenchSuite.run(root, args.length > 1 && args[1].equals("quick") ? BenchSuite.Scale.QUICK : BenchSuite.Scale.FULL,
                    root.resolve(BENCH_RESULTS));
            case "bench-ranking" -> report(root, report -> RankingBenchmark.run(root, args.length > 1 ? Integer.parseInt(args[1]) : 100,
                    args.length > 2 ? Integer.parseInt(args[2]) : 50, report));
            case "bench-ballots" -> report(root, report -> BallotBenchmark.run(root, args.length > 1 ? Integer.parseInt(args[1]) : 50,
                    args.length > 2 ? Integer.parseInt(args[2]) : 32, report));
            case "bench-registry" -> report(root, report -> RegistryBenchmark.run("http://127.0.0.1:8080", "http://127.0.0.1:8081",
                    args.length > 1 ? Integer.parseInt(args[1]) : 100_000, args.length > 2 ? Integer.parseInt(args[2]) : 600, report));
            case "bench-footprint" -> report(root, report -> FootprintBenchmark.run(root, args.length > 1 ? Integer.parseInt(args[1]) : 2000, report));
            case "bench-gateway" -> report(root, report -> GatewayBenchmark.run("http://127.0.0.1:8080", "http://127.0.0.1:8081",
                    args.length > 1 ? Integer.parseInt(args[1]) : 2000, report));
            default -> {
                System.err.println("usage: thidua up | thidua bench [quick] | thidua latency [N] | thidua bench-registry [UNITS] [SEARCHES] | thidua bench-ranking [CLUSTERS] [SAMPLES]"
                        + " | thidua bench-ballots [SESSIONS] [CLIENTS] | thidua bench-gateway [SAMPLES] | thidua bench-footprint [REQUESTS]");
                System.exit(2);
            }
        }
    }

    /** One benchmark of its own: its figures are printed as a table at the end, as {@code ./thidua bench} prints them all. */
    private static void report(Path root, Benchmark benchmark) throws Exception {
        BenchReport report = new BenchReport(true, root.resolve(BENCH_RESULTS));
        benchmark.run(report);
        System.out.println();
        System.out.print(report.markdown());
    }

    @FunctionalInterface
    interface Benchmark {
        void run(BenchReport report) throws Exception;
    }

    private static void up(Path root) throws InterruptedException {
        long begin = System.nanoTime();
        Path dataDir = root.resolve(".thidua");
        deleteRecursively(dataDir);
        System.out.println("Starting PostgreSQL, Kafka, units, scoring, awards and the gateway (logs in " + dataDir.resolve("logs") + ") ...");
        LocalStack stack = LocalStack.start(LocalStack.Settings.defaults(root, dataDir));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the stack ...");
            stack.close();
            System.out.println("Stopped.");
            stopped.countDown();
        }, "thidua-stop"));
        Duration ready = Duration.ofNanos(System.nanoTime() - begin);

        loadDemoData(new GatewayClient(stack.gatewayUrl()), stack.fakePortal());
        printWelcome(stack, ready);
        stopped.await();
    }

    /**
     * The seed story and the 2025 review of the same cluster, through the public API as an officer of the Board would enter
     * them; {@code portal}: the fake portal whose national system answers the Chairman's submissions (null with a real one).
     */
    static void loadDemoData(GatewayClient gateway, FakePortal portal) {
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        DemoWorkingCalendar.load(gateway, board);
        List<DemoData.DemoUnit> units = new ArrayList<>(DemoData.CLUSTER_7_UNITS);
        units.addAll(DemoData.JOINED_BY_2023);
        for (DemoData.DemoUnit unit : units) {
            Map<String, String> body = Map.of("code", unit.code(), "name", unit.name(), "kind", "MASS_ORGANISATION",
                    "administrativeAreaCode", "38");
            expect(gateway.postJson("/api/units", board, body), "unit " + unit.code());
        }
        List<String> members2016 = DemoData.CLUSTER_7_UNITS.stream().map(DemoData.DemoUnit::code).toList();
        String cluster2016 = createCluster(gateway, board, 2016, members2016);
        expect(gateway.putJson("/api/clusters/" + cluster2016 + "/leadership", board, Map.of("leaderUnitCode", DemoData.LEADER_2016)),
                "leadership of cluster 7 in 2016");
        List<String> members2023 = new ArrayList<>(members2016);
        DemoData.JOINED_BY_2023.forEach(unit -> members2023.add(unit.code()));
        createCluster(gateway, board, 2023, members2023);
        List<String> leaderFirst = new ArrayList<>(members2016);
        leaderFirst.remove(DemoData.LEADER_2016);
        leaderFirst.add(0, DemoData.LEADER_2016);
        Map<String, Long> otherClusters = SeedStoryProvince.otherClustersOf2016(gateway, board);
        SeedStoryProvince.Council council = SeedStoryProvince.council(gateway, board, gateway.passwordToken("admin", DemoData.PASSWORD));
        SeedStoryScoring.run(gateway, Long.parseLong(cluster2016), leaderFirst);
        SeedStoryProposals.run(gateway, Long.parseLong(cluster2016), council, otherClusters, portal);
        // the same six members reviewing 2025 under Decree 152/2025 (Review2025)
        Review2025.run(gateway, Long.parseLong(createCluster(gateway, board, Review2025.YEAR, members2016)));
    }

    private static String createCluster(GatewayClient gateway, String token, int year, List<String> members) {
        HttpResponse<String> created = gateway.postJson("/api/clusters", token, Map.of("code", DemoData.CLUSTER_7,
                "name", DemoData.CLUSTER_7_NAME, "kind", "CLUSTER", "year", year, "members", members));
        expect(created, "cluster 7 in " + year);
        return GatewayClient.read(created.body()).get("id").asText();
    }

    private static void expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo data refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
    }

    private static void printWelcome(LocalStack stack, Duration ready) {
        StringBuilder out = new StringBuilder();
        out.append("\nThi đua is up in ").append(ready.toSeconds()).append(" s.\n\n");
        out.append("  gateway        ").append(stack.gatewayUrl()).append("   (API under /api, tokens at /auth/token, keys at /auth/jwks)\n");
        for (String service : new String[] {"units", "scoring", "awards"}) {
            out.append(String.format("  %-14s %s/q/openapi   health and metrics: %s/q/health   /q/metrics%n", service,
                    stack.serviceUrl(service), stack.managementUrl(service)));
        }
        out.append(String.format("  %-14s health and metrics: %s/q/health   /q/metrics%n", "gateway", stack.managementUrl("gateway")));
        out.append("  kafka          ").append(stack.kafkaBootstrapServers()).append('\n');
        if (stack.fakePortal() != null) {
            out.append("  portal (fake)  ").append(stack.portalUrl()).append("   (what it received: ").append(stack.fakePortal().baseUrl())
                    .append("/_fake/requests; docs/portal.md)\n");
        } else {
            out.append("  portal         ").append(stack.portalUrl()).append('\n');
        }
        out.append("  postgresql     ").append(stack.postgres().jdbcUrl("thidua_units")).append(" (one database per service; user ")
                .append(stack.postgres().user()).append(")\n\n");
        out.append("Demo accounts (local default only), password '").append(DemoData.PASSWORD).append("':\n");
        out.append("  admin            admin\n  board            board (Emulation & Commendation Board officer)\n");
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            out.append(String.format("  %-16s %s of %s  %s%n", unit.representative(), DemoData.roles(unit.code()).replace("+", ", "),
                    unit.code(), unit.name()));
        }
        out.append("  portal-demo      service account (client_credentials, secret '").append(DemoData.PASSWORD).append("')\n");
        out.append("\nDemo data: ").append(DemoData.CLUSTER_7_NAME).append(" (").append(DemoData.CLUSTER_7)
                .append(") of Thanh Hóa in 2016 (six members, led by the Labour Federation; scored, ranked and the ranking\n")
                .append("published: GET /api/scoring/criteria-sets?clusterId=...), 2023 (eight members) and 2025 (six); five awards, each with\n")
                .append("its rule sets from Decree 42/2010 to Decree 152/2025 (GET /api/awards/award-types/{code}/rule-sets), and the base salaries.\n")
                .append("2025 review under Decree 152: the Women's Union made an Excellent Labour Collective by ").append(Review2025.DECISION_NUMBER)
                .append(" (3,800,000 VND);\nthe Youth Union's proposal stays a draft (27 of 40 members \"Lao động tiên tiến\", under 70 %).\n\n");

        out.append("Try:\n");
        out.append("  TOKEN=$(curl -s -d grant_type=password -d username=board -d password=demo ")
                .append(stack.gatewayUrl()).append("/auth/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')\n");
        out.append("  curl -H \"Authorization: Bearer $TOKEN\" ").append(stack.gatewayUrl()).append("/api/scoring/units\n\n");
        out.append("Ctrl-C stops everything.\n");
        System.out.print(out);
        System.out.flush();
    }

    private static void configureLogging() {
        try (InputStream config = Main.class.getResourceAsStream("/logging.properties")) {
            if (config != null && System.getProperty("java.util.logging.config.file") == null) {
                LogManager.getLogManager().readConfiguration(config);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Main() {
    }
}
