package vn.thidua.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./thidua bench [quick]}: every benchmark of issue 10 in one run, each on a private stack
 * on free ports (so it runs beside a local {@code ./thidua up}), their headline figures gathered
 * into one table beside their same-run baselines and targets, printed and written to
 * {@code bench-results/}. {@code quick} runs the same code at a small scale: to check that the
 * harness works (CI does), not to measure.
 */
final class BenchSuite {

    /** The sizes the issue names (full), or small ones that exercise the same paths in a couple of minutes (quick). */
    record Scale(int gatewaySamples, Duration throughputRound, int latencySamples, int registryUnits, int registrySearches,
                 int ballotSessions, int ballotClients, int rankingClusters, int rankingSamples, int footprintRequests) {
        static final Scale FULL = new Scale(2000, GatewayBenchmark.THROUGHPUT_ROUND, 40, 100_000, 600, 50, 32, 100, 50, 2000);
        static final Scale QUICK = new Scale(100, Duration.ofSeconds(2), 10, 2_000, 60, 5, 8, 2, 6, 100);
    }

    /**
     * The gateway's per-client rate limit would be what the throughput and polling phases measure;
     * lifted for the benchmark stack only.
     */
    private static final List<String> UNLIMITED = List.of("-Dthidua.gateway.rate-limit.requests-per-second=1000000",
            "-Dthidua.gateway.rate-limit.burst=1000000");

    private BenchSuite() {
    }

    /** Runs them all; returns the report, also written to {@code outputDir}. */
    static BenchReport run(Path root, Scale scale, Path outputDir) throws Exception {
        BenchReport report = new BenchReport(scale != Scale.QUICK, outputDir);
        long begin = System.nanoTime();
        report.note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores; 1-minute load average at the start "
                + BenchReport.loadAverage() + "; service JVM options " + String.join(" ", LocalStack.Settings.defaults(root, root).jvmOptions())
                + (scale == Scale.QUICK ? "; QUICK scale (a check of the harness, not a measurement)" : "") + ".");

        boolean quick = scale == Scale.QUICK;
        try (LocalStack stack = LocalStack.startPrivate(root, "bench", UNLIMITED)) {
            Main.loadDemoData(new GatewayClient(stack.gatewayUrl()), stack.fakePortal());
            String units = stack.serviceUrl("units");
            step("gateway", () -> GatewayBenchmark.run(stack.gatewayUrl(), units, scale.gatewaySamples(), scale.throughputRound(), report));
            step("event latency", () -> EventLatency.run(stack.gatewayUrl(), stack.kafkaBootstrapServers(), scale.latencySamples(), report));
            step("registry", () -> RegistryBenchmark.run(stack.gatewayUrl(), units, scale.registryUnits(), scale.registrySearches(), report));
            if (quick) {
                // a check of the harness: the same code on this stack, sparing three stacks' starts; the figures
                // of a measurement come from stacks of their own, which nothing else has loaded
                step("ballots", () -> BallotBenchmark.run(stack, scale.ballotSessions(), scale.ballotClients(), report));
                step("ranking", () -> RankingBenchmark.run(root, stack, scale.rankingClusters(), scale.rankingSamples(), report));
                step("footprint", () -> FootprintBenchmark.run(root, stack, scale.footprintRequests(), report));
            }
        }
        if (!quick) {
            step("ballots", () -> BallotBenchmark.run(root, scale.ballotSessions(), scale.ballotClients(), report));
            step("ranking", () -> RankingBenchmark.run(root, scale.rankingClusters(), scale.rankingSamples(), report));
            step("footprint", () -> FootprintBenchmark.run(root, scale.footprintRequests(), report));
        }

        report.note("Load average at the end " + BenchReport.loadAverage() + "; the whole run took "
                + Duration.ofNanos(System.nanoTime() - begin).toSeconds() + " s.");
        Path file = report.write("./thidua bench" + (scale == Scale.QUICK ? " quick" : ""));
        System.out.println();
        System.out.print(report.markdown());
        System.out.println("\nWritten to " + file);
        return report;
    }

    @FunctionalInterface
    private interface Step {
        void run() throws Exception;
    }

    private static void step(String name, Step step) throws Exception {
        System.out.printf("%n== %s (load average %s) ==%n", name, BenchReport.loadAverage());
        step.run();
    }
}
