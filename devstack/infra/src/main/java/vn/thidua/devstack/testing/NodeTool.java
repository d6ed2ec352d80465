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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Node.js and npm from a test (the contract's Redocly lint, the TypeScript SDK's test): whether they are
 * installed, and a command run in a folder with a timeout. Without them a test is left out with a message,
 * except under {@code CI=true}, where it fails: CI must not pass by skipping.
 */
public final class NodeTool {
    private NodeTool() {
    }

    /** What a command printed and how it ended. */
    public record Result(int exitCode, String output) {
    }

    /** Fails under {@code CI=true}, else aborts the test, when {@code node} or {@code npm} is not on the PATH. */
    public static void assumeInstalled(String what) {
        for (String tool : List.of("node", "npm")) {
            if (!onPath(tool)) {
                String why = tool + " is not on the PATH: " + what + " needs Node.js and npm";
                if ("true".equals(System.getenv("CI"))) {
                    Assertions.fail(why + " (CI=true: this check may not be skipped)");
                }
                Assumptions.abort(what + " LEFT OUT: " + why + " (under CI=true it is required)");
            }
        }
    }

    public static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }

    /**
     * Runs {@code command} in {@code dir} with {@code environment} added to this JVM's, and waits at most
     * {@code timeout} (then kills it with its children and fails). {@code echo}, when not null, gets every line
     * as it comes; {@code withStderr} mixes the standard error into the output (else it is dropped).
     */
    public static Result run(Path dir, List<String> command, Map<String, String> environment, Duration timeout,
                             boolean withStderr, PrintStream echo) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(environment);
        if (withStderr) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " (Node.js with npm is needed here)", e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output, echo), "node-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                reader.join(5_000);
                Assertions.fail(String.join(" ", command) + " did not finish in " + timeout.toSeconds() + " s:\n" + text(output));
            }
            reader.join(10_000);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return new Result(process.exitValue(), text(output));
    }

    /** {@link #run} that fails the test when the command ends with a status other than 0, with what it printed. */
    public static String runOrFail(Path dir, List<String> command, Map<String, String> environment, Duration timeout,
                                   boolean withStderr, PrintStream echo) {
        Result result = run(dir, command, environment, timeout, withStderr, echo);
        if (result.exitCode() != 0) {
            Assertions.fail(String.join(" ", command) + " in " + dir + " failed (" + result.exitCode() + "):\n" + result.output());
        }
        return result.output();
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
        } catch (IOException e) {
            // the process was killed: what was read is kept
        }
    }

    private static String text(ByteArrayOutputStream output) {
        synchronized (output) {
            return output.toString(StandardCharsets.UTF_8);
        }
    }
}
