package vn.thidua.devstack.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake portal keeps its side of docs/portal.md and misbehaves only when told to. */
class FakePortalTest {
    private static final String SECRET = "a shared secret of the portal and thidua, 32+ chars";
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private FakePortal portal;
    private FakePortalClient control;

    @BeforeEach
    void start() {
        portal = FakePortal.start(0, SECRET);
        control = new FakePortalClient(portal.url());
    }

    @AfterEach
    void stop() {
        portal.close();
    }

    @Test
    void takesASignedDossierOnceAndAnswersARepeatWithTheSameReference() throws Exception {
        String key = UUID.randomUUID().toString();
        HttpResponse<String> first = send(key, SECRET, Instant.now());
        assertEquals(201, first.statusCode());
        assertTrue(first.body().contains("\"reference\":\"HS-000001\""), first.body());
        HttpResponse<String> again = send(key, SECRET, Instant.now());
        assertEquals(409, again.statusCode());
        assertTrue(again.body().contains("\"reference\":\"HS-000001\""), again.body());
        assertEquals(1, portal.accepted().size());
        assertEquals(2, control.requestsFor(key).size());
        assertTrue(control.requestsFor(key).get(0).get("signatureValid").asBoolean());
        assertEquals("DUPLICATE", control.requestsFor(key).get(1).get("outcome").asText());
    }

    @Test
    void refusesAWrongOrStaleSignature() throws Exception {
        assertEquals(401, send(UUID.randomUUID().toString(), "another secret", Instant.now()).statusCode());
        assertEquals(401, send(UUID.randomUUID().toString(), SECRET, Instant.now().minus(Duration.ofMinutes(6))).statusCode());
        assertEquals(0, portal.accepted().size());
        assertFalse(portal.requests().get(0).signatureValid());
    }

    @Test
    void failsDownSlowAndDropsOnlyWhenTold() throws Exception {
        control.failNext(2, 503);
        assertEquals(503, send(UUID.randomUUID().toString(), SECRET, Instant.now()).statusCode());
        assertEquals(503, send(UUID.randomUUID().toString(), SECRET, Instant.now()).statusCode());
        assertEquals(201, send(UUID.randomUUID().toString(), SECRET, Instant.now()).statusCode());

        control.down();
        assertEquals(503, send(UUID.randomUUID().toString(), SECRET, Instant.now()).statusCode());
        control.up();

        control.delay(Duration.ofMillis(600));
        long begin = System.nanoTime();
        assertEquals(201, send(UUID.randomUUID().toString(), SECRET, Instant.now()).statusCode());
        assertTrue(System.nanoTime() - begin >= Duration.ofMillis(600).toNanos());
        control.delay(Duration.ZERO);

        // taken, but the answer never comes: the sender sees the connection end
        String key = UUID.randomUUID().toString();
        control.dropNextAnswers(1);
        assertThrows(IOException.class, () -> send(key, SECRET, Instant.now()));
        assertEquals(409, send(key, SECRET, Instant.now()).statusCode());
        assertEquals(3, portal.accepted().size());
        assertEquals("ANSWER_DROPPED", control.requestsFor(key).get(0).get("outcome").asText());

        control.reset();
        assertEquals(0, control.requests().size());
    }

    private HttpResponse<String> send(String key, String secret, Instant at) throws Exception {
        byte[] body = ("{\"idempotencyKey\":\"" + key + "\",\"proposal\":{\"id\":1}}").getBytes(StandardCharsets.UTF_8);
        String timestamp = Long.toString(at.getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        String signature = "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(portal.url())).timeout(Duration.ofSeconds(5))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .header("Thidua-Timestamp", timestamp).header("Thidua-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
