package vn.thidua.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One of our Quarkus services, run as its own JVM from its built {@code quarkus-app}, logging to a file.
 *
 * <p>Each service's JVM loads some 17,000 classes before it is ready. The first run after a build
 * records them in a class-data archive beside {@code quarkus-app} (in {@code target/}, so never
 * committed and gone with {@code clean}) as it exits; later runs map that archive instead of loading
 * and verifying those classes again. {@code THIDUA_SERVICE_CDS=false} turns this off.
 */
final class ServiceProcess implements AutoCloseable {
    static final String CDS_ARCHIVE = "thidua-cds.jsa";
    private static final boolean CLASS_DATA_SHARING = !"false".equalsIgnoreCase(System.getenv("THIDUA_SERVICE_CDS"));

    private final String name;
    private final int port;
    /** Health and metrics: built jars serve them on a management port of their own, never on the API's. */
    private final int managementPort;
    private final Path log;
    private final List<String> command;
    /** Where this process writes its class-data archive when it exits, and where that archive goes then; null if it uses one. */
    private final Path archiveBeingWritten;
    private final Path archive;
    /** Replaced by {@link #restart()}; volatile because a test may kill from one thread and wait from another. */
    private volatile Process process;

    private ServiceProcess(String name, int port, int managementPort, Path log, List<String> command, Process process,
                           Path archiveBeingWritten, Path archive) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.log = log;
        this.command = List.copyOf(command);
        this.process = process;
        this.archiveBeingWritten = archiveBeingWritten;
        this.archive = archive;
    }

    static ServiceProcess start(String name, Path quarkusApp, int port, int managementPort, Map<String, String> config,
                                List<String> jvmOptions, Path logDir) {
        Path runner = quarkusApp.resolve("quarkus-run.jar");
        if (!Files.isRegularFile(runner)) {
            throw new IllegalStateException(runner + " is missing: build first (./mvnw -B package -DskipTests)");
        }
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(jvmOptions);
        Path archive = quarkusApp.resolveSibling(CDS_ARCHIVE);
        Path archiveBeingWritten = null;
        if (!CLASS_DATA_SHARING) {
            archive = null;
        } else if (isUpToDate(archive, quarkusApp)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            archiveBeingWritten = archive.resolveSibling(CDS_ARCHIVE + "." + UUID.randomUUID() + ".tmp");
            command.add("-XX:ArchiveClassesAtExit=" + archiveBeingWritten);
            // thousands of lines about classes it cannot keep (generated accessors, classes never linked): no use in the service's log
            command.add("-Xlog:cds=off");
        }
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Dquarkus.management.port=" + managementPort);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(runner.toString());
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            return new ServiceProcess(name, port, managementPort, log, command, process, archiveBeingWritten, archive);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    /**
     * Whether the archive was written after the last build of the application. The JVM checks the
     * jars' sizes and times too and ignores an archive that does not match, but only with a warning
     * at every start: a rebuild should make a new archive instead.
     */
    private static boolean isUpToDate(Path archive, Path quarkusApp) {
        if (!Files.isRegularFile(archive)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(quarkusApp)) {
            FileTime written = Files.getLastModifiedTime(archive);
            return files.filter(Files::isRegularFile).allMatch(file -> lastModified(file).compareTo(written) < 0);
        } catch (IOException e) {
            return false;
        }
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, failing early if the process dies. */
    void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(managementUrl() + "/q/health/ready")).timeout(Duration.ofSeconds(3)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; its log ends:\n" + logTail(40));
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep waiting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
            try {
                // short, so that the start-to-ready the benchmarks read is not rounded up by a quarter second
                process.waitFor(50, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; its log ends:\n" + logTail(40));
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its {@code /q/health} and {@code /q/metrics} are. */
    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    Path log() {
        return log;
    }

    long pid() {
        return process.pid();
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    /**
     * SIGKILL, as the kernel's OOM killer or a node failure would: no shutdown hook runs, nothing
     * is flushed, the database and the broker see the connections drop. Returns once the process is gone.
     */
    void kill() {
        Process victim = process;
        victim.destroyForcibly();
        try {
            if (!victim.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 10 s of SIGKILL");
            }
            if (archiveBeingWritten != null) {
                // had it been writing its archive, what it left is incomplete; a restart records a new one
                Files.deleteIfExists(archiveBeingWritten);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while killing " + name, e);
        }
    }

    /**
     * Starts the service again with the command it was first started with (same port, same
     * database, same consumer groups), its output appended to the same log. The previous process
     * must be gone ({@link #kill()} or {@link #close()}). Ready when returned.
     */
    void restart(Duration readyTimeout) {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restart " + name, e);
        }
        awaitReady(readyTimeout);
    }

    /**
     * SIGTERM, so Quarkus shuts down gracefully; SIGKILL if it has not within the grace period. A
     * process that was recording the classes it loaded writes its archive as it exits, which then
     * replaces the service's archive in one move, so that a JVM starting meanwhile never maps half a file.
     */
    @Override
    public void close() {
        boolean exitedByItself = true;
        if (process.isAlive()) {
            process.destroy();
            try {
                // writing the archive takes seconds more on a busy machine
                if (!process.waitFor(archiveBeingWritten != null ? 60 : 20, TimeUnit.SECONDS)) {
                    exitedByItself = false;
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                exitedByItself = false;
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        if (archiveBeingWritten != null && !process.isAlive()) {
            keepArchive(exitedByItself);
        }
    }

    /** Only the archive of a JVM that exited by itself is whole; a killed one may have left half a file. */
    private void keepArchive(boolean whole) {
        try {
            if (whole && Files.isRegularFile(archiveBeingWritten) && Files.size(archiveBeingWritten) > 0) {
                Files.move(archiveBeingWritten, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.deleteIfExists(archiveBeingWritten);
        } catch (IOException e) {
            System.err.println("Could not keep the class-data archive of " + name + ": " + e);
        }
    }
}
