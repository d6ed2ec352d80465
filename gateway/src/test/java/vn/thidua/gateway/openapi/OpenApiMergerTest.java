package vn.thidua.gateway.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenApiMergerTest {
    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger(json);

    @Test
    void keepsTheGatewaysPathsAndAddsTheRoutedPathsOfEachService() throws IOException {
        JsonNode gateway = read("""
                {"openapi":"3.1.0","info":{"title":"gateway","version":"1"},
                 "paths":{"/auth/token":{"post":{"responses":{"200":{"description":"a token"}}}}}}""");
        JsonNode units = read("""
                {"openapi":"3.1.0","paths":{"/api/units":{"get":{"responses":{"200":{"description":"units"}}}},
                 "/internal/x":{"get":{"responses":{"200":{"description":"not public"}}}}},
                 "tags":[{"name":"Units"}]}""");
        JsonNode merged = merger.merge(gateway, List.of(new OpenApiMerger.Part("units", units, p -> p.startsWith("/api/units"))), List.of());

        assertTrue(merged.path("paths").has("/auth/token"));
        assertTrue(merged.path("paths").has("/api/units"));
        assertFalse(merged.path("paths").has("/internal/x"), "a path no route serves is not part of the public API");
        assertEquals("/", merged.path("servers").get(0).path("url").asText());
        assertEquals("Units", merged.path("tags").get(0).path("name").asText());
        assertFalse(merged.has("x-thidua-unavailable"));
    }

    @Test
    void renamesCollidingComponentsAndTheirReferences() throws IOException {
        String problemA = "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\"}}}";
        String problemB = "{\"type\":\"object\",\"properties\":{\"title\":{\"type\":\"string\"}}}";
        String ref = "{\"$ref\":\"#/components/schemas/Problem\"}";
        JsonNode a = read("{\"paths\":{\"/api/a\":{\"get\":{\"responses\":{\"400\":{\"content\":{\"application/json\":{\"schema\":" + ref + "}}}}}}},"
                + "\"components\":{\"schemas\":{\"Problem\":" + problemA + ",\"Same\":{\"type\":\"string\"}}}}");
        JsonNode b = read("{\"paths\":{\"/api/b\":{\"get\":{\"security\":[{\"jwt\":[]}],\"responses\":{\"400\":{\"content\":{\"application/json\":{\"schema\":" + ref + "}}}}}}},"
                + "\"components\":{\"schemas\":{\"Problem\":" + problemB + ",\"Same\":{\"type\":\"string\"}},"
                + "\"securitySchemes\":{\"jwt\":{\"type\":\"http\",\"scheme\":\"bearer\",\"description\":\"b's\"}}}}");
        JsonNode gateway = read("{\"components\":{\"securitySchemes\":{\"jwt\":{\"type\":\"http\",\"scheme\":\"bearer\"}}}}");

        JsonNode merged = merger.merge(gateway, List.of(
                new OpenApiMerger.Part("a", a, p -> p.startsWith("/api/a")),
                new OpenApiMerger.Part("b", b, p -> p.startsWith("/api/b"))), List.of());

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals(read(problemA), schemas.path("Problem"));
        assertEquals(read(problemB), schemas.path("b_Problem"));
        assertFalse(schemas.has("b_Same"), "equal components are shared, not copied");
        assertEquals("#/components/schemas/Problem", schemaRef(merged, "/api/a"));
        assertEquals("#/components/schemas/b_Problem", schemaRef(merged, "/api/b"));
        assertTrue(merged.path("paths").path("/api/b").path("get").path("security").get(0).has("b_jwt"),
                "a renamed security scheme is renamed in the requirements too");
    }

    @Test
    void aServiceThatCouldNotBeReadIsNamedAndTheRestStillShows() throws IOException {
        JsonNode units = read("{\"paths\":{\"/api/units\":{\"get\":{}}}}");
        JsonNode merged = merger.merge(null, List.of(new OpenApiMerger.Part("units", units, p -> true)),
                List.of(new OpenApiMerger.Missing("awards", "not reachable")));

        assertTrue(merged.path("paths").has("/api/units"));
        assertEquals("awards", merged.path("x-thidua-unavailable").get(0).path("service").asText());
        assertTrue(merged.path("info").path("description").asText().contains("awards (not reachable)"));
        assertEquals("3.1.0", merged.path("openapi").asText());
    }

    @Test
    void aDocumentWideSecurityRequirementMovesToEachOperation() throws IOException {
        JsonNode units = read("{\"security\":[{\"jwt\":[]}],\"paths\":{\"/api/units\":{\"get\":{},\"post\":{\"security\":[]}}}}");
        JsonNode merged = merger.merge(null, List.of(new OpenApiMerger.Part("units", units, p -> true)), List.of());
        assertTrue(merged.path("paths").path("/api/units").path("get").path("security").get(0).has("jwt"));
        assertTrue(merged.path("paths").path("/api/units").path("post").path("security").isEmpty(), "an operation's own choice stays");
    }

    private static String schemaRef(JsonNode merged, String path, String status, String mediaType) {
        return merged.path("paths").path(path).path("get").path("responses").path(status).path("content")
                .path(mediaType).path("schema").path("$ref").asText();
    }

    private static String schemaRef(JsonNode merged, String path) {
        return merged.path("paths").path(path).path("get").path("responses").path("400").path("content")
                .path("application/json").path("schema").path("$ref").asText();
    }

    @Test
    void aComponentThatOnlyLookedEqualThroughARenamedOneIsRenamedToo() throws IOException {
        String report = "{\"type\":\"array\",\"items\":{\"$ref\":\"#/components/schemas/Row\"}}";
        JsonNode a = read("{\"paths\":{\"/api/a\":{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Report\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"Report\":" + report + ",\"Row\":{\"type\":\"string\"}}}}");
        JsonNode b = read("{\"paths\":{\"/api/b\":{\"get\":{\"responses\":{\"200\":{\"content\":{\"application/json\":{\"schema\":{\"$ref\":\"#/components/schemas/Report\"}}}}}}}},"
                + "\"components\":{\"schemas\":{\"Report\":" + report + ",\"Row\":{\"type\":\"integer\"}}}}");
        JsonNode merged = merger.merge(null, List.of(new OpenApiMerger.Part("a", a, p -> p.startsWith("/api/a")),
                new OpenApiMerger.Part("b", b, p -> p.startsWith("/api/b"))), List.of());

        JsonNode schemas = merged.path("components").path("schemas");
        assertEquals("#/components/schemas/b_Report", schemaRef(merged, "/api/b", "200", "application/json"));
        assertEquals("#/components/schemas/b_Row", schemas.path("b_Report").path("items").path("$ref").asText());
        assertEquals("#/components/schemas/Row", schemas.path("Report").path("items").path("$ref").asText());
    }

    @Test
    void anOperationIdAnotherServiceUsesIsPrefixedAndTheKeysAreSorted() throws IOException {
        JsonNode a = read("{\"paths\":{\"/api/a\":{\"get\":{\"operationId\":\"list\"}}}}");
        JsonNode b = read("{\"paths\":{\"/api/b\":{\"get\":{\"operationId\":\"list\"}}}}");
        JsonNode merged = merger.merge(null, List.of(new OpenApiMerger.Part("b-svc", b, p -> true), new OpenApiMerger.Part("a", a, p -> true)), List.of());

        assertEquals("a_list", merged.path("paths").path("/api/a").path("get").path("operationId").asText());
        assertEquals("list", merged.path("paths").path("/api/b").path("get").path("operationId").asText());
        assertEquals(List.of("/api/a", "/api/b"), iterableOf(merged.path("paths").fieldNames()));
    }

    private static List<String> iterableOf(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private JsonNode read(String text) throws IOException {
        return json.readTree(text);
    }
}
