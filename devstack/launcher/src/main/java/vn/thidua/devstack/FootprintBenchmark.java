package vn.thidua.devstack;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each service's footprint: the time from launching its JVM to {@code /q/health/ready}, and its
 * resident memory when ready and after a burst of requests (issue 10's targets: ready in 3 s or
 * less, 256 MB or less at rest). A private stack runs first; then one more instance of each
 * service is launched alone, so the others' start does not share the cores with it, and measured.
 * Resident memory is the process's {@code VmRSS} (Linux).
 */
final class FootprintBenchmark {
    /** A read each service answers for the Board, through itself (the gateway's goes on to units-service). */
    private static final Map<String, String> READS = new LinkedHashMap<>();

    static {
        READS.put("units", "/api/units?size=20");
        READS.put("scoring", "/api/scoring/units?page=0&size=20");
        READS.put("awards", "/api/awards/units?page=0&size=20");
        READS.put("gateway", "/api/units?size=20");
    }

    private FootprintBenchmark() {
    }

    static void run(Path root, int requests, BenchReport report) throws Exception {
        LocalStack.Settings defaults = LocalStack.Settings.defaults(root, root);
        try (LocalStack stack = LocalStack.startPrivate(root, "bench-footprint", List.of())) {
            String board = new GatewayClient(stack.gatewayUrl()).passwordToken("board", DemoData.PASSWORD);
            System.out.printf("JVM options: %s; %d requests of load each%n", String.join(" ", defaults.jvmOptions()), requests);
            System.out.printf("%-8s %16s %16s %18s%n", "service", "start to ready", "RSS when ready", "RSS after load");
            for (Map.Entry<String, String> read : READS.entrySet()) {
                long launched = System.nanoTime();
                try (ServiceProcess instance = stack.startAnotherInstance(read.getKey(), freePort())) {
                    long ready = Duration.ofNanos(System.nanoTime() - launched).toMillis();
                    long atRest = residentKib(instance.pid());
                    GatewayClient client = new GatewayClient(instance.baseUrl());
                    // through the gateway, under its default rate limit for one client (100/s): a 429 is no load
                    Pacer pacer = read.getKey().equals("gateway") ? new Pacer(Duration.ofMillis(11)) : null;
                    for (int i = 0; i < requests; i++) {
                        if (pacer != null) {
                            pacer.awaitNextTick();
                        }
                        HttpResponse<String> response = client.get(read.getValue(), board);
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(read.getKey() + " " + read.getValue() + ": " + response.statusCode());
                        }
                    }
                    long loaded = residentKib(instance.pid());
                    System.out.printf("%-8s %13d ms %13d MB %15d MB%n", read.getKey(), ready, atRest / 1024, loaded / 1024);
                }
            }
            System.out.println("targets: ready in 3,000 ms or less; 256 MB or less resident at rest");
        }
    }

    private static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
