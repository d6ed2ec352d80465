package vn.thidua.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The headline figures of one benchmark run, each beside its baseline from the same run and the
 * issue's target, so a run on a noisy machine still says plainly what was met. Every benchmark
 * records into one; {@code ./thidua bench} collects all of them into one table.
 */
final class BenchReport {

    enum Verdict {
        MET("met"), NOT_MET("**not met**"), NO_TARGET("");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }
    }

    /**
     * One figure. {@code baseline} is what it is compared with in the same run (or empty),
     * {@code ratio} the figure over that baseline as printed (or empty).
     */
    record Line(String benchmark, String figure, String value, String baseline, String ratio, String target, Verdict verdict) {
    }

    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final boolean judged;
    private final Path outputDir;

    /**
     * {@code judged = false}: a run at a scale too small to say anything of the targets (a check of
     * the harness), so no verdicts are printed. {@code outputDir}: where the table and any plot go.
     */
    BenchReport(boolean judged, Path outputDir) {
        this.judged = judged;
        this.outputDir = outputDir;
    }

    /** Where the benchmarks write their files (plots) and the table is written. */
    Path outputDir() {
        return outputDir;
    }

    /** A figure with a target and its verdict. */
    synchronized void add(String benchmark, String figure, String value, String baseline, String ratio, String target, boolean met) {
        lines.add(new Line(benchmark, figure, value, baseline, ratio, target, met ? Verdict.MET : Verdict.NOT_MET));
    }

    /** A figure without a target of its own (context for the others). */
    synchronized void add(String benchmark, String figure, String value, String baseline, String ratio) {
        lines.add(new Line(benchmark, figure, value, baseline, ratio, "", Verdict.NO_TARGET));
    }

    /** A sentence about the conditions of the run (load average, options), printed under the table. */
    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized List<Line> lines() {
        return List.copyOf(lines);
    }

    synchronized String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| benchmark | figure | value | baseline (same run) | ratio | target | |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (Line line : lines) {
            out.append("| ").append(line.benchmark()).append(" | ").append(line.figure()).append(" | ").append(line.value())
                    .append(" | ").append(line.baseline()).append(" | ").append(line.ratio()).append(" | ").append(line.target())
                    .append(" | ").append(judged ? line.verdict().text : "").append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(note -> out.append("- ").append(note).append('\n'));
        }
        return out.toString();
    }

    /** Writes the table to {@code bench-<UTC time>.md} in the output directory and returns the file. */
    Path write(String title) {
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        try {
            Files.createDirectories(outputDir);
            Path file = outputDir.resolve("bench-" + stamp + ".md");
            Files.writeString(file, "# " + title + "\n\n" + markdown(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-minute load average, to note beside figures taken on a shared machine. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * The nearest-rank quantile of values sorted ascending. Every benchmark ranks this one way, so a
     * median printed beside a figure is the one its ratio uses.
     */
    static <T> T nearestRank(List<T> sorted, double quantile) {
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    static String millis(double millis) {
        return millis >= 1000 ? String.format("%.2f s", millis / 1000) : millis >= 10 ? String.format("%.1f ms", millis)
                : String.format("%.2f ms", millis);
    }

    static String ratio(double ratio) {
        return String.format("%.2f×", ratio);
    }
}
