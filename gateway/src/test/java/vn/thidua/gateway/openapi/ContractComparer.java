package vn.thidua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The changes from one OpenAPI 3.1 document to the next that break a client generated from the first
 * (docs/api/README.md, "Compatibility"). Plain Jackson, no OpenAPI library: the rules are ours and few.
 *
 * <p>Operations are matched by method and path (path parameters by position, so renaming {@code {id}} breaks
 * nothing); parameters by where they are and their name; responses by status and media type. Schemas are
 * compared through their {@code $ref}s by what they say, not by component name, in one of two directions:
 * what a client <em>sends</em> (parameters, request bodies) must still be accepted, so the new schema may only
 * widen; what a client <em>receives</em> (responses) must still be understood, so it may only narrow. A new
 * optional request field, a new response field, a new operation, a new response status are additions and
 * break nothing (a client ignores response fields it does not know).
 */
final class ContractComparer {

    /** A breaking change: where (operation, then the place in it) and what. */
    record Change(String where, String what) {
        @Override
        public String toString() {
            return where + ": " + what;
        }
    }

    private enum Direction {
        /** What the client sends: the new contract must accept everything the old one did. */
        REQUEST,
        /** What the client receives: the new contract must give nothing the old one could not. */
        RESPONSE
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final JsonNode before;
    private final JsonNode after;
    private final List<Change> changes = new ArrayList<>();
    /** The new contract's path for each old operation ("GET /api/units/{code}" to "/api/units/{unitCode}"). */
    private final Map<String, String> newPathOf = new java.util.HashMap<>();
    /** Schema pairs already being compared (a recursive schema, such as a condition of conditions). */
    private final Set<String> comparing = new HashSet<>();

    private ContractComparer(JsonNode before, JsonNode after) {
        this.before = before;
        this.after = after;
    }

    /** Every change from {@code before} to {@code after} that breaks a client of {@code before}, in document order. */
    static List<Change> breakingChanges(JsonNode before, JsonNode after) {
        ContractComparer comparer = new ContractComparer(before, after);
        comparer.comparePaths();
        return List.copyOf(comparer.changes);
    }

    private void comparePaths() {
        Map<String, JsonNode> newPaths = new TreeMap<>();
        Map<String, String> newTemplates = new TreeMap<>();
        after.path("paths").fields().forEachRemaining(path -> {
            newPaths.put(normalised(path.getKey()), path.getValue());
            newTemplates.put(normalised(path.getKey()), path.getKey());
        });
        before.path("paths").fields().forEachRemaining(path -> {
            JsonNode newItem = newPaths.get(normalised(path.getKey()));
            for (String method : METHODS) {
                newPathOf.put(method.toUpperCase(Locale.ROOT) + " " + path.getKey(), newTemplates.getOrDefault(normalised(path.getKey()), ""));
            }
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                String where = method.toUpperCase(Locale.ROOT) + " " + path.getKey();
                JsonNode newOperation = newItem == null ? null : newItem.get(method);
                if (newOperation == null) {
                    report(where, "operation removed" + id(operation));
                    continue;
                }
                compareOperation(where, path.getValue(), operation, newItem, newOperation);
            }
        });
    }

    private static String id(JsonNode operation) {
        return operation.hasNonNull("operationId") ? " (" + operation.get("operationId").asText() + ")" : "";
    }

    /** {@code /api/units/{code}} and {@code /api/units/{unitCode}} are the same path to a client. */
    private static String normalised(String path) {
        return path.replaceAll("\\{[^}]*}", "{}");
    }

    private void compareOperation(String where, JsonNode item, JsonNode operation, JsonNode newItem, JsonNode newOperation) {
        String id = operation.path("operationId").asText("");
        String newId = newOperation.path("operationId").asText("");
        if (!id.isEmpty() && !id.equals(newId)) {
            report(where, "operationId changed from " + id + " to " + (newId.isEmpty() ? "none" : newId) + " (generated method names change)");
        }
        JsonNode security = operation.get("security");
        JsonNode newSecurity = newOperation.get("security");
        if (security != null && security.isArray() && security.isEmpty() && newSecurity != null && !newSecurity.isEmpty()) {
            report(where, "was open to anyone (security: []), now needs a token");
        }
        Map<String, JsonNode> parameters = parameters(before, item, operation);
        Map<String, JsonNode> newParameters = parameters(after, newItem, newOperation);
        List<String> path = pathParameters(where.substring(where.indexOf(' ') + 1));
        List<String> newPath = pathParameters(newPathOf.get(where));
        for (int i = 0; i < path.size() && i < newPath.size(); i++) {
            JsonNode parameter = parameters.remove(path.get(i));
            JsonNode now = newParameters.remove(newPath.get(i));
            if (parameter != null && now != null) {
                compareSchema(where + " parameter " + path.get(i), Direction.REQUEST, parameter.path("schema"), now.path("schema"));
            }
        }
        compareParameters(where, parameters, newParameters);
        compareRequestBody(where, resolved(before, operation.get("requestBody")), resolved(after, newOperation.get("requestBody")));
        compareResponses(where, operation.path("responses"), newOperation.path("responses"));
    }

    /** The operation's parameters with the path item's, by "in name" (a header's name in lower case), resolved. */
    private static Map<String, JsonNode> parameters(JsonNode document, JsonNode item, JsonNode operation) {
        Map<String, JsonNode> all = new TreeMap<>();
        for (JsonNode list : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                JsonNode resolved = resolved(document, parameter);
                String in = resolved.path("in").asText();
                String name = resolved.path("name").asText();
                all.put(in + " " + (in.equals("header") ? name.toLowerCase(Locale.ROOT) : name), resolved);
            }
        }
        return all;
    }

    /** The path parameters in the order the path names them (matched by position: renaming one breaks nothing). */
    private static List<String> pathParameters(String path) {
        List<String> names = new ArrayList<>();
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{([^}]*)}").matcher(path);
        while (matcher.find()) {
            names.add("path " + matcher.group(1));
        }
        return names;
    }

    private void compareParameters(String where, Map<String, JsonNode> old, Map<String, JsonNode> current) {
        old.forEach((key, parameter) -> {
            JsonNode now = current.get(key);
            String at = where + " parameter " + key;
            if (now == null) {
                report(at, "parameter removed");
                return;
            }
            if (!parameter.path("required").asBoolean(false) && now.path("required").asBoolean(false)) {
                report(at, "parameter now required");
            }
            compareSchema(at, Direction.REQUEST, parameter.path("schema"), now.path("schema"));
        });
        current.forEach((key, parameter) -> {
            if (!old.containsKey(key) && parameter.path("required").asBoolean(false)) {
                report(where + " parameter " + key, "new required parameter");
            }
        });
    }

    private void compareRequestBody(String where, JsonNode body, JsonNode newBody) {
        boolean required = body != null && body.path("required").asBoolean(false);
        boolean newRequired = newBody != null && newBody.path("required").asBoolean(false);
        if (!required && newRequired) {
            report(where + " request body", body == null ? "new required request body" : "request body now required");
        }
        if (body == null) {
            return;
        }
        body.path("content").fields().forEachRemaining(media -> {
            JsonNode newMedia = newBody == null ? null : newBody.path("content").get(media.getKey());
            String at = where + " request " + media.getKey();
            if (newMedia == null) {
                report(at, "request media type no longer accepted");
                return;
            }
            compareSchema(at, Direction.REQUEST, media.getValue().path("schema"), newMedia.path("schema"));
        });
    }

    private void compareResponses(String where, JsonNode responses, JsonNode newResponses) {
        responses.fields().forEachRemaining(status -> {
            String at = where + " → " + status.getKey();
            JsonNode response = resolved(before, status.getValue());
            JsonNode newResponse = resolved(after, newResponses.get(status.getKey()));
            if (newResponse == null) {
                report(at, "response status removed");
                return;
            }
            response.path("headers").fieldNames().forEachRemaining(header -> {
                if (!hasHeader(newResponse, header)) {
                    report(at, "response header " + header + " removed");
                }
            });
            response.path("content").fields().forEachRemaining(media -> {
                JsonNode newMedia = newResponse.path("content").get(media.getKey());
                if (newMedia == null) {
                    report(at + " " + media.getKey(), "response media type removed");
                    return;
                }
                compareSchema(at + " " + media.getKey(), Direction.RESPONSE, media.getValue().path("schema"), newMedia.path("schema"));
            });
        });
    }

    private static boolean hasHeader(JsonNode response, String header) {
        for (Iterator<String> names = response.path("headers").fieldNames(); names.hasNext(); ) {
            if (names.next().equalsIgnoreCase(header)) {
                return true;
            }
        }
        return false;
    }

    // ---- schemas

    private void compareSchema(String where, Direction direction, JsonNode oldSchema, JsonNode newSchema) {
        String key = direction + " " + ref(oldSchema) + " " + ref(newSchema);
        boolean byReference = oldSchema.has("$ref") && newSchema.has("$ref");
        if (byReference && !comparing.add(key)) {
            return;
        }
        try {
            JsonNode old = schemaOf(before, oldSchema);
            JsonNode current = schemaOf(after, newSchema);
            compareResolved(where, direction, old == null ? MISSING : old, current == null ? MISSING : current);
        } finally {
            if (byReference) {
                comparing.remove(key);
            }
        }
    }

    private static final JsonNode MISSING = com.fasterxml.jackson.databind.node.MissingNode.getInstance();

    private static String ref(JsonNode schema) {
        return schema.path("$ref").asText(System.identityHashCode(schema) + "");
    }

    private void compareResolved(String where, Direction direction, JsonNode old, JsonNode current) {
        compareTypes(where, direction, old, current);
        compareFormat(where, direction, old.path("format").asText(null), current.path("format").asText(null));
        compareEnum(where, direction, values(old), values(current));
        // upper bounds: a client may send less, and must be ready for no more
        compareBound(where, direction, "maxLength", old.get("maxLength"), current.get("maxLength"), true);
        compareBound(where, direction, "maxItems", old.get("maxItems"), current.get("maxItems"), true);
        compareBound(where, direction, "maxProperties", old.get("maxProperties"), current.get("maxProperties"), true);
        compareBound(where, direction, "maximum", bound(old, "maximum", "exclusiveMaximum"), bound(current, "maximum", "exclusiveMaximum"), true);
        compareBound(where, direction, "minLength", old.get("minLength"), current.get("minLength"), false);
        compareBound(where, direction, "minItems", old.get("minItems"), current.get("minItems"), false);
        compareBound(where, direction, "minProperties", old.get("minProperties"), current.get("minProperties"), false);
        compareBound(where, direction, "minimum", bound(old, "minimum", "exclusiveMinimum"), bound(current, "minimum", "exclusiveMinimum"), false);
        compareExact(where, direction, "pattern", old.get("pattern"), current.get("pattern"));
        compareExact(where, direction, "multipleOf", old.get("multipleOf"), current.get("multipleOf"));
        if (old.path("uniqueItems").asBoolean(false) != current.path("uniqueItems").asBoolean(false)) {
            boolean added = current.path("uniqueItems").asBoolean(false);
            if (added == (direction == Direction.REQUEST)) {
                report(where, added ? "items must now be unique" : "items no longer unique");
            }
        }
        compareComposition(where, direction, old, current);
        if (old.has("items") || current.has("items")) {
            compareSchema(where + "[]", direction, old.path("items"), current.path("items"));
        }
        compareProperties(where, direction, old, current);
    }

    private void compareTypes(String where, Direction direction, JsonNode old, JsonNode current) {
        Set<String> oldTypes = types(old);
        Set<String> newTypes = types(current);
        if (oldTypes.equals(newTypes)) {
            return;
        }
        // every type the wider side allows must be allowed by the other; no type means any
        Set<String> wider = direction == Direction.REQUEST ? oldTypes : newTypes;
        Set<String> narrower = direction == Direction.REQUEST ? newTypes : oldTypes;
        if (narrower.isEmpty()) {
            return;
        }
        if (wider.isEmpty()) {
            report(where, "type " + describe(oldTypes) + " changed to " + describe(newTypes));
            return;
        }
        for (String type : wider) {
            boolean allowed = narrower.contains(type) || (type.equals("integer") && narrower.contains("number"));
            if (!allowed) {
                report(where, "type " + describe(oldTypes) + " changed to " + describe(newTypes));
                return;
            }
        }
    }

    private static Set<String> types(JsonNode schema) {
        Set<String> types = new TreeSet<>();
        JsonNode type = schema.get("type");
        if (type != null && type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else if (type != null && type.isTextual()) {
            types.add(type.asText());
        }
        return types;
    }

    private static String describe(Set<String> types) {
        return types.isEmpty() ? "any" : String.join("|", types);
    }

    /** Formats a value may widen into (a client sending int32 still fits int64), by the narrower format. */
    private static final Map<String, String> WIDER_FORMAT = Map.of("int32", "int64", "float", "double");

    private void compareFormat(String where, Direction direction, String format, String newFormat) {
        if (java.util.Objects.equals(format, newFormat)) {
            return;
        }
        String narrower = direction == Direction.REQUEST ? format : newFormat;
        String wider = direction == Direction.REQUEST ? newFormat : format;
        if (wider == null || (narrower != null && wider.equals(WIDER_FORMAT.get(narrower)))) {
            return; // the receiving side is as or more lenient
        }
        report(where, "format " + (format == null ? "none" : format) + " changed to " + (newFormat == null ? "none" : newFormat));
    }

    /** The values an enum or const allows; null when any value of the type is allowed. */
    private static Set<String> values(JsonNode schema) {
        if (schema.has("const")) {
            return Set.of(schema.get("const").toString());
        }
        JsonNode values = schema.get("enum");
        if (values == null || !values.isArray()) {
            return null;
        }
        Set<String> all = new LinkedHashSet<>();
        values.forEach(value -> all.add(value.toString()));
        return all;
    }

    private void compareEnum(String where, Direction direction, Set<String> old, Set<String> current) {
        if (java.util.Objects.equals(old, current)) {
            return;
        }
        if (direction == Direction.REQUEST) {
            if (current == null) {
                return;
            }
            Set<String> removed = new LinkedHashSet<>(old == null ? Set.of() : old);
            removed.removeAll(current);
            if (old == null) {
                report(where, "now limited to the values " + current);
            } else if (!removed.isEmpty()) {
                report(where, "values no longer accepted: " + removed);
            }
        } else {
            if (old == null) {
                return;
            }
            if (current == null) {
                report(where, "no longer limited to the values " + old);
                return;
            }
            Set<String> added = new LinkedHashSet<>(current);
            added.removeAll(old);
            if (!added.isEmpty()) {
                report(where, "new values a client may not know: " + added);
            }
        }
    }

    /** A bound with whether it is exclusive (OpenAPI 3.1: exclusiveMinimum is a number of its own). */
    private record Bound(BigDecimal value, boolean exclusive) {
    }

    private static Object bound(JsonNode schema, String inclusive, String exclusive) {
        Bound in = schema.hasNonNull(inclusive) ? new Bound(schema.get(inclusive).decimalValue(), false) : null;
        Bound ex = schema.path(exclusive).isNumber() ? new Bound(schema.get(exclusive).decimalValue(), true) : null;
        if (in != null && schema.path(exclusive).asBoolean(false) && !schema.path(exclusive).isNumber()) {
            in = new Bound(in.value(), true); // 3.0 style: a boolean beside the bound
        }
        if (in == null) {
            return ex;
        }
        if (ex == null) {
            return in;
        }
        return in.value().compareTo(ex.value()) == 0 ? ex : in;
    }

    /**
     * An upper bound ({@code upper}) may rise for what is sent and fall for what is received; a lower bound the
     * opposite. A bound added counts as tightened, one removed as loosened.
     */
    private void compareBound(String where, Direction direction, String name, Object old, Object current, boolean upper) {
        Bound a = asBound(old);
        Bound b = asBound(current);
        if (a == null && b == null) {
            return;
        }
        int tighter; // > 0: the new bound allows fewer values
        if (a == null) {
            tighter = 1;
        } else if (b == null) {
            tighter = -1;
        } else {
            int compared = b.value().compareTo(a.value());
            tighter = upper ? -compared : compared;
            if (tighter == 0 && a.exclusive() != b.exclusive()) {
                tighter = b.exclusive() ? 1 : -1;
            }
        }
        if (tighter > 0 && direction == Direction.REQUEST) {
            report(where, name + " " + (a == null ? "added: " + text(b) : "tightened from " + text(a) + " to " + text(b)));
        } else if (tighter < 0 && direction == Direction.RESPONSE) {
            report(where, name + " " + (b == null ? "removed (was " + text(a) + ")" : "loosened from " + text(a) + " to " + text(b)));
        }
    }

    private static Bound asBound(Object value) {
        if (value instanceof Bound bound) {
            return bound;
        }
        if (value instanceof JsonNode node && node.isNumber()) {
            return new Bound(node.decimalValue(), false);
        }
        return null;
    }

    private static String text(Bound bound) {
        return (bound.exclusive() ? "exclusive " : "") + bound.value().stripTrailingZeros().toPlainString();
    }

    /** A pattern or multipleOf: any change may refuse a value once sent (request) or give one once impossible (response). */
    private void compareExact(String where, Direction direction, String name, JsonNode old, JsonNode current) {
        if (java.util.Objects.equals(old, current)) {
            return;
        }
        if (old == null && direction == Direction.REQUEST) {
            report(where, name + " added: " + current.asText());
        } else if (current == null && direction == Direction.RESPONSE) {
            report(where, name + " removed (was " + old.asText() + ")");
        } else if (old != null && current != null) {
            report(where, name + " changed from " + old.asText() + " to " + current.asText());
        }
    }

    private void compareComposition(String where, Direction direction, JsonNode old, JsonNode current) {
        for (String keyword : List.of("oneOf", "anyOf", "allOf")) {
            JsonNode a = old.get(keyword);
            JsonNode b = current.get(keyword);
            if (a == null && b == null) {
                continue;
            }
            if (a == null || b == null || a.size() != b.size()) {
                // a different composition is not compared alternative by alternative: a person decides
                report(where, keyword + " changed (" + (a == null ? 0 : a.size()) + " to " + (b == null ? 0 : b.size()) + " schemas)");
                continue;
            }
            for (int i = 0; i < a.size(); i++) {
                compareSchema(where + " " + keyword + "[" + i + "]", direction, a.get(i), b.get(i));
            }
        }
    }

    private void compareProperties(String where, Direction direction, JsonNode old, JsonNode current) {
        Set<String> required = names(old.path("required"));
        Set<String> newRequired = names(current.path("required"));
        JsonNode properties = old.path("properties");
        JsonNode newProperties = current.path("properties");
        properties.fields().forEachRemaining(property -> {
            String at = where + "." + property.getKey();
            JsonNode now = newProperties.get(property.getKey());
            if (now == null) {
                // the services refuse a property they do not know (400 unknown-properties), so a request field cannot go either
                report(at, direction == Direction.REQUEST ? "request property removed (now refused as unknown)" : "response property removed");
                return;
            }
            compareSchema(at, direction, property.getValue(), now);
        });
        if (direction == Direction.REQUEST) {
            for (String name : newRequired) {
                if (!required.contains(name)) {
                    report(where + "." + name, properties.has(name) ? "property now required" : "new required property");
                }
            }
        } else {
            for (String name : required) {
                if (!newRequired.contains(name) && newProperties.has(name)) {
                    report(where + "." + name, "property no longer always present (was required)");
                }
            }
        }
        JsonNode additional = old.get("additionalProperties");
        JsonNode newAdditional = current.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            if (newAdditional != null && newAdditional.isObject()) {
                compareSchema(where + "{}", direction, additional, newAdditional);
            } else if (direction == Direction.REQUEST) {
                report(where + "{}", "map entries no longer accepted");
            }
        }
    }

    private static Set<String> names(JsonNode array) {
        Set<String> names = new TreeSet<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }

    // ---- references

    /** The node a {@code $ref} names in its document (followed until it is not a reference), or the node itself. */
    private static JsonNode resolved(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current != null && current.has("$ref") && hops < 20; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalArgumentException("Only local references are compared: " + ref);
            }
            current = document.at(ref.substring(1).replace("~1", "/").replace("~0", "~"));
            if (current.isMissingNode()) {
                throw new IllegalArgumentException("Reference to nothing: " + ref);
            }
        }
        return current;
    }

    /**
     * A schema with its {@code $ref} followed: OpenAPI 3.1 lets keywords sit beside a reference ({@code description},
     * {@code type}, a limit), and they apply too, so they are laid over what it names.
     */
    private static JsonNode schemaOf(JsonNode document, JsonNode schema) {
        if (schema == null || !schema.has("$ref")) {
            return schema;
        }
        String ref = schema.get("$ref").asText();
        if (!ref.startsWith("#/")) {
            throw new IllegalArgumentException("Only local references are compared: " + ref);
        }
        JsonNode target = document.at(ref.substring(1).replace("~1", "/").replace("~0", "~"));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("Reference to nothing: " + ref);
        }
        target = schemaOf(document, target);
        if (schema.size() == 1) {
            return target;
        }
        ObjectNode merged = target.isObject() ? ((ObjectNode) target).deepCopy() : JsonNodeFactory.instance.objectNode();
        schema.fields().forEachRemaining(field -> {
            if (!field.getKey().equals("$ref")) {
                merged.set(field.getKey(), field.getValue());
            }
        });
        return merged;
    }

    private void report(String where, String what) {
        changes.add(new Change(where, what));
    }
}
