package vn.thidua.awards.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The documented body (docs/portal/dossier-v1.schema.json) as a check: every object of a document
 * has exactly the properties the schema lists for it, and every enumerated value is one it lists.
 * Enough to keep the page and the code in step without a schema library.
 */
final class DossierSchema {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DossierSchema() {
    }

    static JsonNode read(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("docs").resolve("portal").resolve(name);
            if (Files.isRegularFile(candidate)) {
                try {
                    return JSON.readTree(Files.readString(candidate));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException("No docs/portal/" + name + " above " + Path.of("").toAbsolutePath());
    }

    /** Where {@code document} departs from the schema; empty when it does not. */
    static List<String> mismatches(JsonNode document) {
        JsonNode schema = read("dossier-v1.schema.json");
        List<String> found = new ArrayList<>();
        walk(schema, schema, document, "", found);
        return found;
    }

    private static void walk(JsonNode root, JsonNode rule, JsonNode value, String path, List<String> found) {
        if (rule.has("$ref")) {
            walk(root, root.at(rule.get("$ref").asText().substring(1)), value, path, found);
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (rule.has("const") && !rule.get("const").equals(value)) {
            found.add(path + ": " + value + " is not " + rule.get("const"));
        }
        if (rule.has("enum") && !contains(rule.get("enum"), value)) {
            found.add(path + ": " + value + " is not one of " + rule.get("enum"));
        }
        if (rule.has("properties") && value.isObject()) {
            Set<String> documented = new TreeSet<>();
            rule.get("properties").fieldNames().forEachRemaining(documented::add);
            Set<String> present = new TreeSet<>();
            value.fieldNames().forEachRemaining(present::add);
            if (!documented.equals(present)) {
                found.add(path + ": has " + present + ", the schema documents " + documented);
            }
            for (String name : documented) {
                walk(root, rule.get("properties").get(name), value.get(name), path + "/" + name, found);
            }
        }
        if (rule.has("items") && value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                walk(root, rule.get("items"), value.get(i), path + "/" + i, found);
            }
        }
    }

    private static boolean contains(JsonNode values, JsonNode value) {
        for (JsonNode candidate : values) {
            if (candidate.equals(value)) {
                return true;
            }
        }
        return false;
    }
}
