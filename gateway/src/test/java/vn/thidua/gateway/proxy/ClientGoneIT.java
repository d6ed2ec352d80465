package vn.thidua.gateway.proxy;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

/**
 * A caller that closes its connection while the service is still working on its request: the access
 * log and the HTTP metrics say 499 (client closed request), not 502, and the service's circuit breaker
 * is not told anything (more abandoned calls than its threshold, then the service is still called).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class ClientGoneIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Over the tests' breaker threshold (3). */
    private static final int ABANDONED = 4;

    @ConfigProperty(name = FakeUpstream.URL_PROPERTY)
    String upstream;

    @Test
    void aCallerThatWentAwayIs499InTheAccessLogAndTheMetricsAndSparesTheBreaker() throws IOException {
        double before499 = count("499");
        double before502 = count("502");
        try (AccessLogLines log = new AccessLogLines()) {
            List<String> lines = log.lines();
            for (int i = 0; i < ABANDONED; i++) {
                String requestId = "gone-" + i + "-" + UUID.randomUUID();
                // the fake service holds a path ending in /silent longer than the gateway's response timeout
                String path = "/api/units/" + requestId + "/silent";
                try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                            + "Authorization: Bearer " + TestTokens.user("impatient-" + i, "viewer") + "\r\n"
                            + "X-Request-Id: " + requestId + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    // the service has the request: now the caller gives up
                    await().atMost(Duration.ofSeconds(5)).until(() -> hits(path) == 1);
                }
                await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains(requestId)));
                JsonNode entry = JSON.readTree(lines.stream().filter(l -> l.contains(requestId)).findFirst().orElseThrow());
                assertEquals(499, entry.path("status").asInt(), entry.toString());
                assertTrue(entry.path("aborted").asBoolean(), entry.toString());
                assertEquals("units", entry.path("upstream").asText());
            }
        }
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertEquals(before499 + ABANDONED, count("499")));
        assertEquals(before502, count("502"), "no 502 counted for the route");
        // more abandoned calls than the breaker's threshold, and the service is still called
        given().auth().oauth2(TestTokens.user("patient", "viewer")).when().get("/api/units/after-the-impatient")
                .then().statusCode(200);
    }

    /** http_server_requests_seconds_count for /api/units/** with that status, summed over methods and outcomes. */
    private static double count(String status) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^http_server_requests_seconds_count\\{([^}]*)} ([0-9.E+]+)$", Pattern.MULTILINE).matcher(metrics);
        double total = 0;
        while (m.find()) {
            String tags = m.group(1);
            if (tags.contains("status=\"" + status + "\"") && tags.contains("uri=\"/api/units/**\"")) {
                total += Double.parseDouble(m.group(2));
            }
        }
        return total;
    }

    private int hits(String path) {
        return Integer.parseInt(given().baseUri(upstream).port(-1).queryParam("path", path)
                .when().get("/__hits").then().statusCode(200).extract().asString());
    }
}
