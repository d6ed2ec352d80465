package vn.thidua.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Puts the gateway's OpenAPI document and the services' into one, as a client sees the API: one
 * server (the gateway), every public path. Plain JSON work, no Quarkus, so it is tested on its own.
 *
 * <p>Component names are per document, so two services may both have a {@code Problem} or a
 * {@code UnitView} schema: when the names collide and the contents differ, the later one is renamed
 * {@code <service>_<name>} and that service's {@code $ref}s are rewritten to match.
 */
public final class OpenApiMerger {

    /** One service's document and what the gateway routes to it. */
    public record Part(String service, JsonNode document, Predicate<String> routed) {
    }

    /** A service whose document could not be read. */
    public record Missing(String service, String reason) {
    }

    private final ObjectMapper json;

    public OpenApiMerger(ObjectMapper json) {
        this.json = json;
    }

    public ObjectNode merge(JsonNode gateway, List<Part> parts, List<Missing> missing) {
        ObjectNode merged = gateway != null && gateway.isObject() ? ((ObjectNode) gateway).deepCopy() : json.createObjectNode();
        if (!merged.has("openapi")) {
            merged.put("openapi", "3.1.0");
        }
        ObjectNode info = merged.with("info");
        info.put("title", "Thi đua API");
        StringBuilder description = new StringBuilder("Every public endpoint, through the gateway: its own (tokens, keys) and those of ")
                .append(String.join(", ", parts.stream().map(Part::service).toList()))
                .append(". Call /api/** with `Authorization: Bearer <token>` from POST /auth/token.");
        if (!missing.isEmpty()) {
            description.append("\n\n**Not included at the moment** (the service did not give its document; try again later): ");
            description.append(String.join(", ", missing.stream().map(m -> m.service() + " (" + m.reason() + ")").toList()));
            ArrayNode unavailable = merged.putArray("x-thidua-unavailable");
            missing.forEach(m -> unavailable.addObject().put("service", m.service()).put("reason", m.reason()));
        }
        info.put("description", description.toString());
        merged.putArray("servers").addObject().put("url", "/").put("description", "the gateway");
        ObjectNode paths = merged.with("paths");
        ObjectNode components = merged.with("components");
        Set<String> operationIds = new HashSet<>();
        paths.forEach(item -> OPERATIONS.forEach(method -> {
            String id = item.path(method).path("operationId").asText("");
            if (!id.isEmpty()) {
                operationIds.add(id);
            }
        }));
        for (Part part : parts) {
            JsonNode document = part.document().deepCopy();
            mergeComponents(components, document, part.service());
            inheritSecurity(document);
            document.path("paths").fields().forEachRemaining(entry -> {
                if (part.routed().test(entry.getKey()) && !paths.has(entry.getKey())) {
                    keepOperationIdsUnique(entry.getValue(), operationIds, part.service());
                    paths.set(entry.getKey(), entry.getValue());
                }
            });
            mergeTags(merged, document.path("tags"));
        }
        return (ObjectNode) sorted(merged);
    }

    /**
     * The same document with every object's keys in order (paths, components, properties), so the
     * same API always gives the same bytes; arrays keep their order, which means something.
     */
    public static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            List<String> names = iterable(node.fieldNames());
            names.sort(null);
            names.forEach(name -> copy.set(name, sorted(node.get(name))));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(child -> copy.add(sorted(child)));
            return copy;
        }
        return node;
    }

    /** A client generates one method per operationId: one a service already used is prefixed with the later service's name. */
    private static void keepOperationIdsUnique(JsonNode item, Set<String> seen, String service) {
        OPERATIONS.forEach(method -> {
            JsonNode operation = item.get(method);
            if (operation != null && operation.isObject() && operation.path("operationId").isTextual()) {
                String id = operation.path("operationId").asText();
                if (!seen.add(id)) {
                    String unique = safe(service).replace('-', '_') + "_" + id;
                    ((ObjectNode) operation).put("operationId", unique);
                    seen.add(unique);
                }
            }
        });
    }

    private static final List<String> OPERATIONS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** A document-wide security requirement would be lost in the merged document: each operation gets its own copy. */
    private static void inheritSecurity(JsonNode document) {
        JsonNode security = document.get("security");
        if (security == null || !security.isArray()) {
            return;
        }
        document.path("paths").forEach(item -> OPERATIONS.forEach(method -> {
            JsonNode operation = item.get(method);
            if (operation != null && operation.isObject() && !operation.has("security")) {
                ((ObjectNode) operation).set("security", security.deepCopy());
            }
        }));
    }

    /**
     * Adds the part's components, renaming those whose name is taken by a different component, and
     * rewrites the part's {@code $ref}s to match. A component that equalled another only while it
     * referred to a component now renamed is no longer equal, so this repeats until nothing changes.
     */
    private void mergeComponents(ObjectNode into, JsonNode document, String service) {
        JsonNode from = document.path("components");
        Map<String, String> renamed = new HashMap<>();
        boolean more = true;
        while (more) {
            more = false;
            for (String kind : iterable(from.fieldNames())) {
                JsonNode components = from.get(kind);
                JsonNode target = into.path(kind);
                if (!components.isObject()) {
                    continue;
                }
                for (String name : iterable(components.fieldNames())) {
                    String ref = "#/components/" + kind + "/" + name;
                    JsonNode existing = target.get(name);
                    if (!renamed.containsKey(ref) && existing != null && !existing.equals(components.get(name))) {
                        renamed.put(ref, "#/components/" + kind + "/" + safe(service) + "_" + name);
                        more = true;
                    }
                }
            }
            if (more) {
                rewriteRefs(document, renamed);
            }
        }
        from.fields().forEachRemaining(kind -> {
            if (!kind.getValue().isObject()) {
                return;
            }
            ObjectNode target = into.with(kind.getKey());
            kind.getValue().fields().forEachRemaining(component -> {
                String newRef = renamed.get("#/components/" + kind.getKey() + "/" + component.getKey());
                String name = newRef == null ? component.getKey() : newRef.substring(newRef.lastIndexOf('/') + 1);
                if (!target.has(name)) {
                    target.set(name, component.getValue());
                }
            });
        });
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renamed.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renamed.get(ref.asText())));
            }
            // security requirements name their scheme without a $ref
            JsonNode security = object.get("security");
            if (security != null && security.isArray()) {
                security.forEach(requirement -> renameSchemes(requirement, renamed));
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                rewriteRefs(children.next(), renamed);
            }
        } else if (node.isArray()) {
            node.forEach(child -> rewriteRefs(child, renamed));
        }
    }

    private static void renameSchemes(JsonNode requirement, Map<String, String> renamed) {
        if (!requirement.isObject()) {
            return;
        }
        ObjectNode object = (ObjectNode) requirement;
        String prefix = "#/components/securitySchemes/";
        for (String name : iterable(object.fieldNames())) {
            String target = renamed.get(prefix + name);
            if (target != null) {
                object.set(target.substring(prefix.length()), object.remove(name));
            }
        }
    }

    private static List<String> iterable(Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private void mergeTags(ObjectNode merged, JsonNode tags) {
        if (!tags.isArray() || tags.isEmpty()) {
            return;
        }
        ArrayNode target = merged.has("tags") && merged.get("tags").isArray() ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        Set<String> known = new HashSet<>();
        target.forEach(tag -> known.add(tag.path("name").asText()));
        tags.forEach(tag -> {
            if (known.add(tag.path("name").asText())) {
                target.add(tag);
            }
        });
    }

    /** Component names allow letters, digits, '.', '-' and '_' only. */
    private static String safe(String service) {
        return service.replaceAll("[^A-Za-z0-9._-]", "-");
    }
}
