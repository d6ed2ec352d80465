package vn.thidua.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.CountDownLatch;
import java.util.logging.LogManager;
import java.util.stream.Stream;

/**
 * {@code ./thidua up}: the whole stack on this machine with the seed story's demo data, until
 * Ctrl-C or SIGTERM. {@code ./thidua latency [N]}: against a running stack, the time from
 * registering a unit to scoring-service knowing it. {@code ./thidua bench-registry [UNITS] [SEARCHES]}:
 * import and search timings of the unit registry.
 */
public final class Main {

    public static void main(String[] args) throws Exception {
        configureLogging();
        String command = args.length == 0 ? "up" : args[0];
        Path root = Path.of(System.getProperty("thidua.root", ".")).toAbsolutePath().normalize();
        switch (command) {
            case "up" -> up(root);
            case "latency" -> EventLatency.measure("http://127.0.0.1:8080", args.length > 1 ? Integer.parseInt(args[1]) : 20);
            case "bench-registry" -> RegistryBenchmark.run("http://127.0.0.1:8080", "http://127.0.0.1:8081",
                    args.length > 1 ? Integer.parseInt(args[1]) : 100_000, args.length > 2 ? Integer.parseInt(args[2]) : 600);
            default -> {
                System.err.println("usage: thidua up | thidua latency [N] | thidua bench-registry [UNITS] [SEARCHES]");
                System.exit(2);
            }
        }
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

        GatewayClient gateway = new GatewayClient(stack.gatewayUrl());
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            HttpResponse<String> response = gateway.postJson("/api/units", board, GatewayClient.unit(unit.code(), unit.name()));
            if (response.statusCode() != 201 && response.statusCode() != 409) {
                throw new IllegalStateException("Demo unit " + unit.code() + " refused: " + response.statusCode() + " " + response.body());
            }
        }
        printWelcome(stack, ready);
        stopped.await();
    }

    private static void printWelcome(LocalStack stack, Duration ready) {
        StringBuilder out = new StringBuilder();
        out.append("\nThi đua is up in ").append(ready.toSeconds()).append(" s.\n\n");
        out.append("  gateway        ").append(stack.gatewayUrl()).append("   (API under /api, tokens at /auth/token, keys at /auth/jwks)\n");
        for (String service : new String[] {"units", "scoring", "awards"}) {
            out.append(String.format("  %-14s %s/q/health   /q/openapi   /q/metrics%n", service, stack.serviceUrl(service)));
        }
        out.append("  kafka          ").append(stack.kafkaBootstrapServers()).append('\n');
        out.append("  postgresql     ").append(stack.postgres().jdbcUrl("thidua_units")).append(" (one database per service; user ")
                .append(stack.postgres().user()).append(")\n\n");
        out.append("Demo accounts (local default only), password '").append(DemoData.PASSWORD).append("':\n");
        out.append("  admin            admin\n  board            board (Emulation & Commendation Board officer)\n");
        for (DemoData.DemoUnit unit : DemoData.CLUSTER_7_UNITS) {
            out.append(String.format("  %-16s unit-rep of %s  %s%n", unit.representative(), unit.code(), unit.name()));
        }
        out.append("  portal-demo      service account (client_credentials, secret '").append(DemoData.PASSWORD).append("')\n\n");
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
