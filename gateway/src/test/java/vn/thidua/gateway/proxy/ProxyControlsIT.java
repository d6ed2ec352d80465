package vn.thidua.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

/**
 * The controls the gateway puts in front of the services: rate limits, body limits, circuit
 * breakers, CORS, the access log and the merged OpenAPI. The limits are set low for the tests
 * (src/test/resources/application.properties).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class ProxyControlsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALLOWED_ORIGIN = "https://app.thidua.test";

    @ConfigProperty(name = FakeUpstream.URL_PROPERTY)
    String upstream;

    @ConfigProperty(name = FakeUpstream.FLAKY_URL_PROPERTY)
    String flaky;

    // --- rate limits -------------------------------------------------------------------------

    @Test
    void aClientOverItsRateGetsTooManyRequestsWithRetryAfterAndTheServiceIsSpared() {
        String token = TestTokens.user("rate-" + UUID.randomUUID(), "viewer");
        String path = "/api/units/rate-" + UUID.randomUUID();
        int allowed = 0;
        Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response response = given().auth().oauth2(token).header("Accept-Language", "en").when().get(path);
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                allowed++;
            }
        }
        assertNotNull(refused, "the client was never limited");
        assertTrue(allowed >= 30, "the burst of 30 goes through first, got " + allowed);
        refused.then()
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("X-Request-Id", not(nullValue()))
                .body("type", equalTo("https://thidua.vn/problems/rate-limited"))
                .body("status", equalTo(429))
                .body("title", equalTo("Too many requests"));
        assertEquals(allowed, hits(upstream, path), "refused requests do not reach the service");

        // another client is not concerned
        given().auth().oauth2(TestTokens.user("rate-other-" + UUID.randomUUID(), "viewer")).when().get(path).then().statusCode(200);
    }

    @Test
    void callersWithoutATokenAreLimitedByAddress() {
        String address = "203.0.113." + (1 + (int) (Math.random() * 250));
        int unauthenticated = 0;
        Response refused = null;
        for (int i = 0; i < 200 && refused == null; i++) {
            Response response = given().header("X-Forwarded-For", address).when().get("/api/units/guessing");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(401, response.statusCode());
                unauthenticated++;
            }
        }
        assertNotNull(refused, "an address without a token was never limited");
        assertTrue(unauthenticated >= 30);
        refused.then().contentType("application/problem+json").header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .header("Content-Language", "vi")
                .body("type", equalTo("https://thidua.vn/problems/rate-limited"));
    }

    // --- body limits -------------------------------------------------------------------------

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBodyIsSent() throws IOException {
        String uploadPath = "/api/units/upload-too-big";
        // 10 MB for uploads: only the headers are sent, the answer comes without the body
        RawResponse upload = exchange("POST " + uploadPath + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.user("uploader", "board") + "\r\n"
                + "Content-Type: application/pdf\r\nContent-Length: " + (10 * 1024 * 1024 + 1) + "\r\nAccept-Language: en\r\n\r\n");
        assertEquals(413, upload.status());
        assertEquals("close", upload.header("connection"));
        assertTrue(upload.header("content-type").startsWith("application/problem+json"));
        JsonNode problem = JSON.readTree(upload.body());
        assertEquals("https://thidua.vn/problems/payload-too-large", problem.path("type").asText());
        assertEquals("The request body exceeds the limit of 10,485,760 bytes.", problem.path("detail").asText());
        assertEquals(0, hits(upstream, uploadPath));

        // 64 KB for JSON in the tests
        String jsonPath = "/api/units/json-too-big";
        RawResponse json = exchange("POST " + jsonPath + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.user("uploader", "board") + "\r\n"
                + "Content-Type: application/json; charset=utf-8\r\nContent-Length: " + (64 * 1024 + 1) + "\r\n\r\n");
        assertEquals(413, json.status());
        assertEquals(0, hits(upstream, jsonPath));
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsCutAndTheServiceNeverGetsItWhole() throws IOException {
        String path = "/api/units/chunked-too-big";
        byte[] chunk = new byte[8 * 1024];
        Arrays.fill(chunk, (byte) ' ');
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < 12; i++) { // 96 KB of JSON whitespace, over the 64 KB limit
            body.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(chunk);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawResponse response = exchange("POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.user("streamer", "board") + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nX-Request-Id: chunked-1\r\n\r\n", body.toByteArray());
        assertEquals(413, response.status());
        assertEquals("chunked-1", response.header("x-request-id"));
        assertEquals("https://thidua.vn/problems/payload-too-large", JSON.readTree(response.body()).path("type").asText());
        // whatever the service had begun to read was cut off: it never completes that request
        await().during(Duration.ofMillis(700)).atMost(Duration.ofSeconds(3)).until(() -> completed(path) == 0);
    }

    @Test
    void aChunkedBodyUnderTheLimitStreamsThroughWhole() throws IOException {
        String path = "/api/units/chunked-fine";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder json = new StringBuilder("{\"name\":\"Hội Nông dân\",\"pad\":\"");
        json.append("x".repeat(40 * 1024)).append("\"}");
        byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
        for (int offset = 0; offset < bytes.length; offset += 5000) {
            int length = Math.min(5000, bytes.length - offset);
            body.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            body.write(bytes, offset, length);
            body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        body.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        RawResponse response = exchange("POST " + path + " HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + TestTokens.user("streamer", "board") + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", body.toByteArray());
        assertEquals(200, response.status());
        JsonNode echo = JSON.readTree(response.body());
        assertEquals(bytes.length, echo.path("bodyLength").asInt());
        assertEquals(FakeUpstream.sha256(bytes), echo.path("bodySha256").asText());
    }

    // --- circuit breaker ---------------------------------------------------------------------

    @Test
    void aFailingServiceOpensItsBreakerThenOneProbeClosesIt() {
        String token = TestTokens.user("breaker-tester", "board");
        String path = "/api/flaky/things";
        failing(true);
        try {
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token).when().get(path).then().statusCode(503);
            }
            int seen = hits(flaky, path);
            given().auth().oauth2(token).header("Accept-Language", "en").when().get(path)
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                    .body("type", equalTo("https://thidua.vn/problems/upstream-unavailable"))
                    .body("detail", containsString("flaky"));
            assertEquals(seen, hits(flaky, path), "an open breaker answers without calling the service");
            // other services are not concerned
            given().auth().oauth2(token).when().get("/api/units/while-flaky-is-open").then().statusCode(200);
        } finally {
            failing(false);
        }
        // after open-for (1 s in the tests) one probe goes through, succeeds, and the breaker closes
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .until(() -> given().auth().oauth2(token).when().get(path).statusCode() == 200);
        given().auth().oauth2(token).when().get(path).then().statusCode(200);
    }

    // --- CORS --------------------------------------------------------------------------------

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredByTheGatewayItself() {
        String path = "/api/units/cors-preflight";
        given().header("Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .when().options(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("authorization"));
        assertEquals(0, hits(upstream, path), "a preflight carries no token and never reaches a service");

        given().auth().oauth2(TestTokens.user("browser-user", "viewer")).header("Origin", ALLOWED_ORIGIN)
                .when().get(path)
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", ALLOWED_ORIGIN)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"));
    }

    @Test
    void anUnknownOriginIsRefused() {
        String path = "/api/units/cors-unknown";
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .when().options(path)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().auth().oauth2(TestTokens.user("browser-user", "viewer")).header("Origin", "https://evil.example")
                .when().delete(path)
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        assertEquals(0, hits(upstream, path));
    }

    // --- access log --------------------------------------------------------------------------

    @Test
    void eachRequestIsOneJsonLineWithoutQueryValues() throws IOException {
        List<String> lines;
        try (AccessLogLines log = new AccessLogLines()) {
            lines = log.lines();
            given().auth().oauth2(TestTokens.user("log-reader", "viewer"))
                    .header("X-Request-Id", "access-log-1")
                    .header("X-Forwarded-For", "198.51.100.23")
                    .urlEncodingEnabled(false)
                    .when().get("/api/units/logged?q=Nguy%E1%BB%85n%20V%C4%83n%20An&year=2025")
                    .then().statusCode(200);
            List<String> logged = lines;
            await().atMost(Duration.ofSeconds(5)).until(() -> logged.stream().anyMatch(l -> l.contains("access-log-1")));
        }
        String line = lines.stream().filter(l -> l.contains("access-log-1")).findFirst().orElseThrow();
        assertFalse(line.contains("\n"));
        assertFalse(line.contains("Nguy") || line.contains("2025"), "no query value in the log: " + line);
        JsonNode entry = JSON.readTree(line);
        assertEquals("GET", entry.path("method").asText());
        assertEquals("/api/units/logged", entry.path("path").asText());
        assertEquals(List.of("q", "year"), JSON.convertValue(entry.path("queryParams"), List.class));
        assertEquals(200, entry.path("status").asInt());
        assertEquals("log-reader", entry.path("subject").asText());
        assertEquals("units", entry.path("upstream").asText());
        assertEquals("198.51.100.23", entry.path("client").asText(), "the tests trust X-Forwarded-For");
        assertTrue(entry.path("durationMs").isNumber());
        assertTrue(entry.path("bytesOut").asLong() > 0);
        assertTrue(entry.path("time").asText().endsWith("Z"));
    }

    // --- merged OpenAPI ----------------------------------------------------------------------

    @Test
    void theMergedOpenApiHasEveryServicesPublicPathsAndNamesTheOnesThatAreDown() throws IOException {
        JsonNode document = JSON.readTree(given().when().get("/openapi")
                .then().statusCode(200).contentType("application/json").extract().asString());
        JsonNode paths = document.path("paths");
        assertTrue(paths.has("/auth/token"), "the gateway's own endpoints");
        assertTrue(paths.has("/api/units"));
        assertTrue(paths.has("/api/units/{code}"));
        assertTrue(paths.has("/api/flaky/things"));
        assertFalse(paths.has("/internal/reindex"), "a path no route serves is not public");
        // two services' Problem schemas differ: each path still points at its own
        assertEquals("string", schemaOf(document, "/api/units").path("properties").path("type").path("type").asText());
        assertEquals("string", schemaOf(document, "/api/flaky/things").path("properties").path("title").path("type").asText());
        List<String> unavailable = new ArrayList<>();
        document.path("x-thidua-unavailable").forEach(m -> unavailable.add(m.path("service").asText()));
        assertTrue(unavailable.contains("down"), "the service that is down is named: " + unavailable);
        assertTrue(document.path("info").path("description").asText().contains("down (not reachable)"));
        assertEquals("/", document.path("servers").get(0).path("url").asText());
    }

    @Test
    void swaggerUiShowsTheMergedDocument() {
        String page = given().redirects().follow(true).when().get("/q/swagger-ui/").then().statusCode(200).extract().asString();
        assertTrue(page.contains("/openapi"), "Swagger UI is pointed at /openapi");
    }

    // --- helpers -----------------------------------------------------------------------------

    private static JsonNode schemaOf(JsonNode document, String path) {
        String ref = document.path("paths").path(path).path("get").path("responses").path("400").path("content")
                .path("application/problem+json").path("schema").path("$ref").asText();
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private void failing(boolean on) {
        given().baseUri(flaky).port(-1).queryParam("on", on).when().post("/__failing").then().statusCode(204);
    }

    private int hits(String base, String path) {
        return Integer.parseInt(given().baseUri(base).port(-1).queryParam("path", path)
                .when().get("/__hits").then().statusCode(200).extract().asString());
    }

    private int completed(String path) {
        return Integer.parseInt(given().baseUri(upstream).port(-1).queryParam("path", path)
                .when().get("/__completed").then().statusCode(200).extract().asString());
    }

    record RawResponse(int status, Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** HTTP/1.1 by hand: REST Assured can neither send headers alone nor choose its chunks. */
    private static RawResponse exchange(String head, byte[]... body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            for (byte[] part : body) {
                out.write(part);
            }
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = AccessLogLines.readLine(in);
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = AccessLogLines.readLine(in); !line.isEmpty(); line = AccessLogLines.readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(status, headers, in.readNBytes(length));
        }
    }
}
