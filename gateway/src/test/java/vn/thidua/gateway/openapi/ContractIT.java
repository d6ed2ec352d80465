package vn.thidua.gateway.openapi;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.Reader;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.NodeProject;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.gateway.FakeUpstream;
import vn.thidua.gateway.proxy.Upstream;

/**
 * The published contract, {@code docs/api/openapi.json} and {@code .yaml}: the document {@code GET /openapi}
 * gives, built here without a network from the gateway's own document and the three services' (each
 * written at build time to {@code <service>/target/openapi}, so the services are built first, as
 * {@code ./mvnw verify} does). The committed copy must be this document: an API change shows in review.
 * {@code -Dthidua.openapi.write=true} rewrites it. Then Redocly's recommended rules lint it (docs/api,
 * pinned in its package-lock.json): 0 errors and 0 warnings; left out, with a message, on a machine
 * without Node.js outside CI ({@link NodeProject}).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class ContractIT {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DOCS = ROOT.resolve("docs/api");
    private static final Map<String, String> MODULES = Map.of(
            "units", "units-service", "clusters", "units-service", "scoring", "scoring-service", "awards", "awards-service");
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS));

    @Test
    void theCommittedContractIsTheMergedDocument() throws IOException {
        Path json = Path.of("target/contract/openapi.json");
        Path yaml = Path.of("target/contract/openapi.yaml");
        String jsonText = JSON.writeValueAsString(merged()) + "\n";
        String yamlText = YAML.writeValueAsString(merged());
        Files.createDirectories(json.getParent());
        Files.writeString(json, jsonText);
        Files.writeString(yaml, yamlText);
        if (Boolean.getBoolean("thidua.openapi.write")) {
            Files.createDirectories(DOCS);
            Files.writeString(DOCS.resolve("openapi.json"), jsonText);
            Files.writeString(DOCS.resolve("openapi.yaml"), yamlText);
        }
        List<String> differ = new ArrayList<>();
        if (!Files.exists(DOCS.resolve("openapi.json")) || !Files.readString(DOCS.resolve("openapi.json")).equals(jsonText)) {
            differ.add("openapi.json");
        }
        if (!Files.exists(DOCS.resolve("openapi.yaml")) || !Files.readString(DOCS.resolve("openapi.yaml")).equals(yamlText)) {
            differ.add("openapi.yaml");
        }
        assertTrue(differ.isEmpty(), "docs/api/" + differ + " differ from the API as built (gateway/" + json
                + "): if the change is meant, run ./mvnw verify -Dthidua.openapi.write=true (docs/api/README.md) and commit the files");
    }

    @Test
    void everyOperationHasAUniqueOperationIdATagAndDescribedErrors() throws IOException {
        JsonNode document = merged();
        Set<String> ids = new HashSet<>();
        List<String> failures = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey().toUpperCase() + " " + path.getKey();
            JsonNode operation = op.getValue();
            if (!operation.isObject() || op.getKey().equals("parameters")) {
                return;
            }
            String id = operation.path("operationId").asText("");
            if (id.isEmpty() || !ids.add(id)) {
                failures.add(where + ": operationId missing or not unique (" + id + ")");
            }
            if (operation.path("tags").isEmpty()) {
                failures.add(where + ": no tag");
            }
            if (!operation.has("security")) {
                failures.add(where + ": security not declared");
            }
            operation.path("responses").fields().forEachRemaining(response -> {
                if (response.getKey().matches("[45].*") && !response.getValue().path("content").has("application/problem+json")) {
                    failures.add(where + ": " + response.getKey() + " not described as a Problem");
                }
                // smallrye gives an operation returning Response an empty schema: the code must say what it answers
                response.getValue().path("content").fields().forEachRemaining(media -> {
                    JsonNode schema = media.getValue().path("schema");
                    if (schema.isMissingNode() || schema.isEmpty()) {
                        failures.add(where + ": " + response.getKey() + " " + media.getKey() + " has no schema: describe it with "
                                + "@APIResponse(content = @Content(schema = @Schema(implementation = ...))), or mark a response without "
                                + "body with extensions = @Extension(name = ApiDocs.NO_BODY, value = \"true\")");
                    }
                });
            });
            if (operation.path("parameters").findValues("name").stream().anyMatch(name -> name.asText().equalsIgnoreCase("If-Match"))
                    && !operation.path("responses").has("412")) {
                failures.add(where + ": takes If-Match but documents no 412");
            }
        }));
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        List<String> schemes = new ArrayList<>();
        document.path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        assertEquals(List.of("bearerJwt", "oauth2"), schemes, "the security schemes, each declared once");
    }

    @Test
    void theContractLintsCleanUnderRedoclysRecommendedRules() throws IOException {
        NodeProject linter = NodeProject.installed(DOCS, "The Redocly lint of the OpenAPI contract");
        Path file = Path.of("target/contract/openapi.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.writeString(file, JSON.writeValueAsString(merged()) + "\n");
        NodeProject.Output lint = linter.node(DOCS.resolve("node_modules/@redocly/cli/bin/cli.js").toString(), "lint",
                "--config", DOCS.resolve("redocly.yaml").toString(), "--format", "json", file.toString());
        String report = lint.stdout();
        assertTrue(report.contains("{"), "Redocly gave no report: " + lint.describe());
        JsonNode totals = JSON.readTree(report.substring(report.indexOf('{'))).path("totals");
        assertEquals(0, totals.path("errors").asInt(-1) + totals.path("warnings").asInt(-1),
                "Redocly recommended: " + totals + " (run `npm run lint` in docs/api after -Dthidua.openapi.write=true to see them)\n" + report);
    }

    private JsonNode merged() throws IOException {
        JsonNode own = JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                .then().statusCode(200).extract().asByteArray());
        List<OpenApiMerger.Part> parts = new ArrayList<>();
        for (Map.Entry<String, List<Upstream>> service : MergedOpenApi.servicesOf(productionRoutes()).entrySet()) {
            String module = MODULES.get(service.getValue().get(0).name());
            Path document = ROOT.resolve(module).resolve("target/openapi/openapi.json");
            if (!Files.exists(document)) {
                fail(document + " is missing: build " + module + " first (./mvnw verify builds the services before the gateway)");
            }
            List<Upstream> routes = service.getValue();
            parts.add(new OpenApiMerger.Part(service.getKey(), JSON.readTree(document.toFile()),
                    path -> routes.stream().anyMatch(route -> route.serves(path))));
        }
        return new OpenApiMerger(JSON).merge(own, parts, List.of());
    }

    /**
     * The routes as deployed (src/main/resources/application.properties, each URL's default), not the
     * tests' fakes: the services' names in the document come from them.
     */
    private static List<Upstream> productionRoutes() throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(Path.of("src/main/resources/application.properties"))) {
            properties.load(in);
        }
        Pattern route = Pattern.compile("thidua\\.gateway\\.routes\\.([a-z0-9-]+)\\.prefix");
        Set<String> names = new TreeSet<>();
        properties.stringPropertyNames().forEach(name -> {
            Matcher matcher = route.matcher(name);
            if (matcher.matches()) {
                names.add(matcher.group(1));
            }
        });
        List<Upstream> routes = new ArrayList<>();
        for (String name : names) {
            String url = properties.getProperty("thidua.gateway.routes." + name + ".url").replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
            routes.add(Upstream.of(name, properties.getProperty("thidua.gateway.routes." + name + ".prefix"), url));
        }
        return routes;
    }
}
