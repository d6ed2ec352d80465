package vn.thidua.devstack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each service's footprint: the time from launching its JVM to {@code /q/health/ready}, and its
 * resident memory when ready and after a burst of requests (issue 10's targets: ready in 3 s or
 * less, 256 MB or less at rest). A private stack runs first; then one more instance of each
 * service is launched alone, so the others' start does not share the cores with it, and measured.
 * Resident memory is the process's {@code VmRSS} (Linux).
 *
 * <p>With {@code -XX:NativeMemoryTracking=summary} among the services' options
 * ({@code THIDUA_SERVICE_JAVA_OPTS}), the JVM's own account of that memory (heap, metaspace, code
 * cache, threads) is printed too, at rest and after the load, and kept beside the services' logs.
 */
final class FootprintBenchmark {
    /** A read each service answers for the Board, through itself (the gateway's goes on to units-service). */
    private static final Map<String, String> READS = new LinkedHashMap<>();
    private static final long READY_TARGET_MILLIS = 3000;
    private static final long RESIDENT_TARGET_MB = 256;
    /** Quarkus's own measure of its start, from its main method to listening. */
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    /** The categories of an NMT summary that make up nearly all of a service's resident memory. */
    private static final Pattern NMT_CATEGORY = Pattern.compile(
            "-\\s+(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Shared class space|Arena Chunk|Metaspace) "
                    + "\\(reserved=\\d+KB, committed=(\\d+)KB\\)");

    static {
        READS.put("units", "/api/units?size=20");
        READS.put("scoring", "/api/scoring/units?page=0&size=20");
        READS.put("awards", "/api/awards/units?page=0&size=20");
        READS.put("gateway", "/api/units?size=20");
    }

    private FootprintBenchmark() {
    }

    static void run(Path root, int requests, BenchReport report) throws Exception {
        try (LocalStack stack = LocalStack.startPrivate(root, "bench-footprint", List.of())) {
            run(root, stack, requests, report);
        }
    }

    /** Each service started again beside a stack of the caller's, sharing its database and broker. */
    static void run(Path root, LocalStack stack, int requests, BenchReport report) throws Exception {
        LocalStack.Settings defaults = LocalStack.Settings.defaults(root, root);
        boolean nmt = defaults.jvmOptions().stream().anyMatch(option -> option.startsWith("-XX:NativeMemoryTracking="));
        String loadBefore = BenchReport.loadAverage();
        List<String> startedIn = new ArrayList<>();
        {
            String board = new GatewayClient(stack.gatewayUrl()).passwordToken("board", DemoData.PASSWORD);
            System.out.printf("JVM options: %s; %d requests of load each%n", String.join(" ", defaults.jvmOptions()), requests);
            System.out.printf("%-8s %16s %16s %16s %18s %8s%n", "service", "start to ready", "Quarkus started", "RSS when ready", "RSS after load",
                    "archive");
            for (Map.Entry<String, String> read : READS.entrySet()) {
                String service = read.getKey();
                long launched = System.nanoTime();
                try (ServiceProcess instance = stack.startAnotherInstance(service, LocalStack.freePort())) {
                    long ready = Duration.ofNanos(System.nanoTime() - launched).toMillis();
                    long atRest = residentKib(instance.pid());
                    boolean archiveMapped = mapsClassDataArchive(instance.pid());
                    long cpuMillis = cpuMillis(instance.pid());
                    String nmtAtRest = nmt ? nativeMemory(instance, "at-rest") : "";
                    GatewayClient client = new GatewayClient(instance.baseUrl());
                    // through the gateway, under its default rate limit for one client (100/s): a 429 is no load
                    Pacer pacer = service.equals("gateway") ? new Pacer(Duration.ofMillis(15)) : null;
                    int refused = 0;
                    for (int i = 0; i < requests; i++) {
                        if (pacer != null) {
                            pacer.awaitNextTick();
                        }
                        HttpResponse<String> response = client.get(read.getValue(), board);
                        // a stall on a busy machine makes the pacer catch up in a burst the limit refuses: send that read again
                        if (response.statusCode() == 429 && pacer != null && refused++ < requests / 10) {
                            i--;
                            continue;
                        }
                        if (response.statusCode() != 200) {
                            throw new IllegalStateException(service + " " + read.getValue() + ": " + response.statusCode());
                        }
                    }
                    long loaded = residentKib(instance.pid());
                    String quarkus = quarkusStartedIn(instance.log());
                    startedIn.add(service + " " + quarkus + " (" + BenchReport.millis(cpuMillis) + " of CPU to ready"
                            + (archiveMapped ? ", class-data archive mapped)" : ")"));
                    System.out.printf("%-8s %13d ms %16s %13d MB %15d MB %8s%n", service, ready, quarkus, atRest / 1024, loaded / 1024,
                            archiveMapped ? "mapped" : "none");
                    if (nmt) {
                        System.out.println("         JVM's account, committed MB, at rest: " + nmtAtRest);
                        System.out.println("         after load:                          " + nativeMemory(instance, "after-load"));
                    }
                    report.add("footprint", service + ": launch to ready", BenchReport.millis(ready), "", "", "≤ 3 s",
                            ready <= READY_TARGET_MILLIS);
                    report.add("footprint", service + ": resident at rest", atRest / 1024 + " MB", "", "", "≤ 256 MB",
                            atRest / 1024 <= RESIDENT_TARGET_MB);
                    report.add("footprint", service + ": resident after " + requests + " reads", loaded / 1024 + " MB", "", "");
                }
            }
            System.out.println("targets: ready in 3,000 ms or less; 256 MB or less resident at rest");
        }
        report.note("footprint: JVM options " + String.join(" ", defaults.jvmOptions()) + "; Quarkus's own \"started in\": "
                + String.join(", ", startedIn) + "; load average " + loadBefore + " before, " + BenchReport.loadAverage() + " after");
    }

    private static long residentKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    /**
     * The processor time the JVM spent until now (all its threads): on a shared machine a steadier
     * measure of the work of starting than the wall-clock time, which waits for the other processes.
     */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // utime and stime, fields 14 and 15 of proc(5), in clock ticks of 1/100 s on Linux
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** Whether the JVM mapped the service's class-data archive (see {@link ServiceProcess}) rather than loading every class. */
    private static boolean mapsClassDataArchive(long pid) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "maps")).stream()
                .anyMatch(line -> line.endsWith(ServiceProcess.CDS_ARCHIVE));
    }

    /** The last "started in" of the instance's log: the part of launch-to-ready that Quarkus itself spends. */
    private static String quarkusStartedIn(Path log) throws IOException {
        String last = "?";
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher matcher = STARTED_IN.matcher(line);
            if (matcher.find()) {
                last = BenchReport.millis(Double.parseDouble(matcher.group(1)) * 1000);
            }
        }
        return last;
    }

    /**
     * {@code jcmd VM.native_memory summary} and {@code GC.heap_info}, written beside the instance's log;
     * returns the main categories' committed sizes on one line.
     */
    private static String nativeMemory(ServiceProcess instance, String when) throws IOException, InterruptedException {
        String summary = jcmd(instance.pid(), "VM.native_memory", "summary");
        String heap = jcmd(instance.pid(), "GC.heap_info");
        Files.writeString(instance.log().resolveSibling(instance.name() + "-nmt-" + when + ".txt"), summary + "\n" + heap);
        StringBuilder line = new StringBuilder();
        Matcher category = NMT_CATEGORY.matcher(summary);
        while (category.find()) {
            line.append(category.group(1)).append(' ').append(Long.parseLong(category.group(2)) / 1024).append(", ");
        }
        Matcher total = Pattern.compile("Total: reserved=\\d+KB, committed=(\\d+)KB").matcher(summary);
        if (total.find()) {
            line.append("total ").append(Long.parseLong(total.group(1)) / 1024);
        }
        return line.toString();
    }

    private static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        Path java = Path.of(ProcessHandle.current().info().command().orElse("java"));
        Path jcmd = java.getParent() == null ? Path.of("jcmd") : java.resolveSibling("jcmd");
        List<String> commandLine = new ArrayList<>(List.of(jcmd.toString(), Long.toString(pid)));
        commandLine.addAll(List.of(command));
        Process process = new ProcessBuilder(commandLine).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
        return output;
    }

}
