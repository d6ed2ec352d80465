package vn.thidua.devstack.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder of the repository's {@code docs/}, found from wherever a test runs: a module's own folder
 * under Maven, the repository's root in an IDE, or a module two levels down (devstack/infra).
 */
public final class DocsFolder {
    private DocsFolder() {
    }

    /** {@code docs/<part>} in the nearest folder above the working directory that has one. */
    public static Path of(String part) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve(part);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No docs/" + part + " directory above " + Path.of("").toAbsolutePath());
    }
}
