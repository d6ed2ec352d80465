package vn.thidua.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The samples of docs/events/, which the catalogue shows and consumers' tests send, against the event
 * contract docs/api/asyncapi.yaml: each is a valid message of its type, and the two list the same types.
 */
class EventSamplesTest {
    private static final Path SAMPLES = DocsFolder.of("events");

    @Test
    void everySampleIsAValidMessageOfItsType() throws IOException {
        List<String> failures = new ArrayList<>();
        samplesByType().forEach((type, file) -> {
            List<String> problems = EventContract.shared().sampleProblems(read(file));
            if (!problems.isEmpty()) {
                failures.add(SAMPLES.relativize(file) + " (" + type + "):\n  - " + String.join("\n  - ", problems));
            }
        });
        assertTrue(failures.isEmpty(), "Samples that break docs/api/asyncapi.yaml:\n" + String.join("\n", failures));
    }

    @Test
    void everyMessageHasASampleAndEverySampleAMessage() throws IOException {
        assertEquals(new TreeSet<>(EventContract.shared().topicsByType().keySet()), new TreeSet<>(samplesByType().keySet()),
                "the CloudEvents types of docs/api/asyncapi.yaml (expected) and of the samples in docs/events/ (actual)");
    }

    /** Each sample file by the type it holds; two samples of one type would be one too many to keep in step. */
    private static Map<String, Path> samplesByType() throws IOException {
        Map<String, Path> samples = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SAMPLES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String type = JsonMapper.builder().build().readTree(read(file)).path("type").asString("(no type)");
                Path other = samples.put(type, file);
                assertTrue(other == null, type + " has two samples: " + other + " and " + file);
            }
        }
        return samples;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
