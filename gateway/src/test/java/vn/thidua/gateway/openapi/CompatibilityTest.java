package vn.thidua.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The compatibility guard (docs/api/README.md, Compatibility): the committed contract, {@code docs/api/openapi.json}
 * (which {@link ContractIT} keeps equal to the code), against the last released one, the newest
 * {@code docs/api/released/openapi-<version>.json}. Every change that breaks a client of the release
 * ({@link ContractComparer}) fails the build, listed, unless the contract's major version ({@code info.version}, the
 * gateway's {@code quarkus.smallrye-openapi.info-version}) is above the release's. Plain JUnit: no Quarkus, no network.
 */
class CompatibilityTest {
    private static final Path DOCS = Path.of("").toAbsolutePath().getParent().resolve("docs/api");
    private static final Path RELEASED = DOCS.resolve("released");
    private static final Pattern RELEASE = Pattern.compile("openapi-(\\d+\\.\\d+\\.\\d+)\\.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A semantic version, major.minor.patch, as info.version and the released files' names give it. */
    record Version(int major, int minor, int patch) implements Comparable<Version> {
        static Version parse(String text) {
            Matcher matcher = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)").matcher(text == null ? "" : text);
            if (!matcher.matches()) {
                throw new AssertionError("\"" + text + "\" is not a version major.minor.patch (docs/api/README.md, Compatibility)");
            }
            return new Version(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)));
        }

        @Override
        public int compareTo(Version other) {
            return Comparator.comparingInt(Version::major).thenComparingInt(Version::minor).thenComparingInt(Version::patch).compare(this, other);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }

    record Release(Version version, Path file, JsonNode contract) {
    }

    @Test
    void theContractBreaksNoClientOfTheLastReleaseUnlessItsMajorVersionIsRaised() {
        List<Release> releases = releases();
        assertFalse(releases.isEmpty(), "no released contract in " + RELEASED + " (docs/api/README.md, Compatibility)");
        Release last = releases.get(releases.size() - 1);
        JsonNode current = read(DOCS.resolve("openapi.json"));
        Version version = Version.parse(current.path("info").path("version").asText());
        assertTrue(version.compareTo(last.version()) >= 0, "docs/api/openapi.json is version " + version + ", below the last release "
                + last.version() + ": raise quarkus.smallrye-openapi.info-version in the gateway's application.properties");

        List<ContractComparer.Change> breaking = ContractComparer.breakingChanges(last.contract(), current);
        String listed = breaking.stream().map(change -> "  - " + change).collect(Collectors.joining("\n"));
        if (version.major() > last.version().major()) {
            if (!breaking.isEmpty()) {
                System.out.println("Contract " + version + " breaks clients of " + last.version() + " (allowed: a new major version):\n" + listed);
            }
            return;
        }
        if (!breaking.isEmpty()) {
            fail(breaking.size() + " change(s) in docs/api/openapi.json break clients generated from the release " + last.version()
                    + " (" + DOCS.relativize(last.file()) + "):\n" + listed + "\n"
                    + "Keep the old form beside the new one (add rather than change), or, if the break is meant, raise the major version "
                    + "(quarkus.smallrye-openapi.info-version in gateway/src/main/resources/application.properties, to "
                    + (last.version().major() + 1) + ".0.0) and say so in the change; see docs/api/README.md, Compatibility.");
        }
    }

    /** Each release against the one before: a release that broke its predecessor's clients raised the major version. */
    @Test
    void everyReleaseIsNamedByItsVersionAndKeptTheRulesAgainstTheOneBefore() {
        List<Release> releases = releases();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < releases.size(); i++) {
            Release release = releases.get(i);
            String inside = release.contract().path("info").path("version").asText();
            if (!inside.equals(release.version().toString())) {
                failures.add(release.file().getFileName() + " says info.version " + inside);
            }
            if (!release.contract().path("openapi").asText().startsWith("3.")) {
                failures.add(release.file().getFileName() + " is not an OpenAPI 3 document");
            }
            if (i > 0) {
                Release previous = releases.get(i - 1);
                List<ContractComparer.Change> breaking = ContractComparer.breakingChanges(previous.contract(), release.contract());
                if (!breaking.isEmpty() && release.version().major() == previous.version().major()) {
                    failures.add(release.version() + " breaks " + previous.version() + " without a new major version: " + breaking);
                }
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The released contracts, oldest first. */
    private static List<Release> releases() {
        if (!Files.isDirectory(RELEASED)) {
            return List.of();
        }
        List<Release> releases = new ArrayList<>();
        try (Stream<Path> files = Files.list(RELEASED)) {
            for (Path file : files.sorted().toList()) {
                Matcher name = RELEASE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    fail(file + ": released contracts are named openapi-<major>.<minor>.<patch>.json");
                }
                releases.add(new Release(Version.parse(name.group(1)), file, read(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        releases.sort(Comparator.comparing(Release::version));
        return releases;
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(file + " cannot be read as JSON", e);
        }
    }
}
