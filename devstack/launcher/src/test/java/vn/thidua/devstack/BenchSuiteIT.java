package vn.thidua.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code ./thidua bench quick}: the whole harness at a small scale, so that a change to an API the
 * benchmarks drive breaks the build rather than the next measurement. It judges no figure (the
 * scale is too small and CI's machine too busy); it checks that every benchmark ran to its end and
 * recorded its figures, and the guarantees the benchmarks check on their way (one ballot per unit).
 */
class BenchSuiteIT {

    @Test
    void everyBenchmarkRunsAndRecordsItsFigures() throws Exception {
        Path root = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize();
        Path output = root.resolve("devstack/launcher/target/bench-quick");
        BenchReport report = BenchSuite.run(root, BenchSuite.Scale.QUICK, output);

        Map<String, Long> figuresPerBenchmark = report.lines().stream()
                .collect(Collectors.groupingBy(BenchReport.Line::benchmark, Collectors.counting()));
        assertEquals(List.of("ballots", "event latency", "footprint", "gateway", "ranking", "registry"),
                figuresPerBenchmark.keySet().stream().sorted().toList(), figuresPerBenchmark.toString());
        // four services, each: start to ready, memory at rest, memory after load
        assertEquals(12, figuresPerBenchmark.get("footprint"), report.markdown());
        assertEquals(4, figuresPerBenchmark.get("ranking"), report.markdown());

        BenchReport.Line guarantee = report.lines().stream()
                .filter(line -> line.benchmark().equals("ballots") && line.target().equals("one ballot per unit"))
                .findFirst().orElseThrow();
        assertEquals(BenchReport.Verdict.MET, guarantee.verdict(), guarantee.toString());
        for (BenchReport.Line line : report.lines()) {
            assertTrue(line.value().matches(".*\\d.*"), "a figure without a number: " + line);
        }

        List<Path> tables;
        try (var files = Files.list(output)) {
            tables = files.filter(file -> file.getFileName().toString().startsWith("bench-")).toList();
        }
        assertTrue(tables.stream().anyMatch(table -> read(table).contains("| footprint |")), "no table written in " + output);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
