package vn.thidua.devstack.testing;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A folder of Node.js tools pinned by its {@code package-lock.json} (docs/api: the Redocly linter and the
 * AsyncAPI parser; clients/typescript: the SDK and its test), run from a JUnit test. Without Node.js and npm on the PATH the test is left out, and
 * says so, on a developer's machine, and fails under {@code CI=true}, where every check must run.
 */
public final class NodeProject {
    private static final int TIMEOUT_SECONDS = 300;
    /**
     * Written into node_modules after {@code npm ci}, with the hash of the lock it installed. {@code npm ci}
     * deletes and rebuilds node_modules each time (15 s or more for docs/api); the stamp lets the next test
     * (another module's, or the next build's) skip it while the lock is unchanged. {@code npm ci} itself
     * removes the stamp with the folder it replaces.
     */
    private static final String INSTALLED_STAMP = ".thidua-installed-lock-sha256";

    private final Path directory;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /**
     * The project in {@code directory}, its packages installed exactly as locked. {@code check} names what
     * the caller runs, for the message when Node.js is missing.
     */
    public static NodeProject installed(Path directory, String check) {
        requireNodeAndNpm(check);
        NodeProject project = new NodeProject(directory.toAbsolutePath().normalize());
        project.installLocked();
        return project;
    }

    /** Runs {@code node} with these arguments in the project's folder; a non-zero exit is the caller's to judge. */
    public Output node(String... arguments) {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        return run(command, Map.of(), null);
    }

    /**
     * Runs {@code npm} with these arguments and {@code environment} added to this JVM's, each line of its
     * output echoed to {@code echo} as it comes (a long run shows its progress in the build's log).
     */
    public Output npm(Map<String, String> environment, PrintStream echo, String... arguments) {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(arguments));
        return run(command, environment, echo);
    }

    /** What a command printed, and how it ended. */
    public record Output(List<String> command, int exitCode, String stdout, String stderr) {
        /** For a failure message: the command, its exit code and everything it printed. */
        public String describe() {
            return String.join(" ", command) + " exited with " + exitCode + "\n" + stdout + (stderr.isBlank() ? "" : "\nstderr:\n" + stderr);
        }
    }

    private static void requireNodeAndNpm(String check) {
        boolean underCi = "true".equals(System.getenv("CI"));
        for (String tool : List.of("node", "npm")) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                    .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
            if (found) {
                continue;
            }
            if (underCi) {
                throw new AssertionError(tool + " is not on the PATH: " + check + " needs Node.js and npm (CI=true: it may not be left out)");
            }
            String message = check + " LEFT OUT: " + tool + " is not on the PATH. Install Node.js to run it; under CI=true the build fails without it.";
            System.err.println("WARNING: " + message);
            Assumptions.abort(message);
        }
    }

    private void installLocked() {
        String lockHash = sha256(directory.resolve("package-lock.json"));
        Path stamp = directory.resolve("node_modules").resolve(INSTALLED_STAMP);
        try {
            if (Files.exists(stamp) && Files.readString(stamp).equals(lockHash)) {
                return;
            }
            Output install = run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), null);
            if (install.exitCode() != 0) {
                throw new AssertionError("Cannot install the pinned Node.js packages of " + directory + ": " + install.describe());
            }
            Files.writeString(stamp, lockHash);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Its standard output read as it comes, on a thread of its own, so that the timeout holds even while the
     * command prints; at the timeout it is killed with its children.
     */
    private Output run(List<String> command, Map<String, String> environment, PrintStream echo) {
        try {
            File stderr = File.createTempFile("thidua-node-", ".stderr");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectError(stderr);
                builder.environment().putAll(environment);
                Process process = builder.start();
                ByteArrayOutputStream stdout = new ByteArrayOutputStream();
                Thread reader = new Thread(() -> copy(process.getInputStream(), stdout, echo), "node-output");
                reader.setDaemon(true);
                reader.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    reader.join(5_000);
                    throw new AssertionError(String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s:\n" + text(stdout));
                }
                reader.join(10_000);
                return new Output(List.copyOf(command), process.exitValue(), text(stdout),
                        new String(Files.readAllBytes(stderr.toPath()), StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stderr.toPath());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " in " + directory, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream output, PrintStream echo) {
        byte[] buffer = new byte[8192];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        try (in) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                synchronized (output) {
                    output.write(buffer, 0, read);
                }
                if (echo != null) {
                    for (int i = 0; i < read; i++) {
                        line.write(buffer[i]);
                        if (buffer[i] == '\n') {
                            echo.print(line.toString(StandardCharsets.UTF_8));
                            echo.flush();
                            line.reset();
                        }
                    }
                }
            }
            if (echo != null && line.size() > 0) {
                echo.println(line.toString(StandardCharsets.UTF_8));
            }
        } catch (IOException killed) {
            // the process was killed at the timeout: what was read is kept
        }
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
