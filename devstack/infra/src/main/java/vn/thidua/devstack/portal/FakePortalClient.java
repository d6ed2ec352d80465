package vn.thidua.devstack.portal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives a {@link FakePortal} through its HTTP controls ({@code /_fake/...}), so a test need not
 * share the portal's object: a Quarkus test reaches the fake its test resource started, whatever
 * class loader each runs in. Records come back as JSON ({@code sequence, at, method, path, headers,
 * idempotencyKey, signatureValid, answered, outcome, reference, body}).
 */
public final class FakePortalClient {
    private final String control;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    /** Requests it logged carry whole dossiers as text: tens of MB for a few large files. */
    private final ObjectMapper json = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(200_000_000).build()).build());

    /** @param dossiersUrl the portal's dossier URL ({@code thidua.portal.url}) or its base URL */
    public FakePortalClient(String dossiersUrl) {
        URI uri = URI.create(dossiersUrl);
        this.control = uri.getScheme() + "://" + uri.getAuthority() + FakePortal.CONTROL_PATH;
    }

    public void failNext(int count, int status) {
        post("fail?count=" + count + "&status=" + status);
    }

    public void down() {
        post("down");
    }

    public void up() {
        post("up");
    }

    public void delay(Duration delay) {
        post("delay?millis=" + delay.toMillis());
    }

    public void dropNextAnswers(int count) {
        post("drop?count=" + count);
    }

    /** Scripts the national system behind the portal: {@code answer} NONE, RETURN (with {@code reason}) or ACCEPT_AND_DECIDE. */
    public void national(String answer, String reason, String decisionNumber) {
        post("national?answer=" + answer + (reason == null ? "" : "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8))
                + (decisionNumber == null ? "" : "&decision=" + URLEncoder.encode(decisionNumber, StandardCharsets.UTF_8)));
    }

    /** The same, answering through {@code thiduaUrl} (Thi đua's base URL) with a portal token the caller signed. */
    public void national(String answer, String reason, String decisionNumber, String thiduaUrl, String portalToken) {
        post("national?answer=" + answer + (reason == null ? "" : "&reason=" + URLEncoder.encode(reason, StandardCharsets.UTF_8))
                + (decisionNumber == null ? "" : "&decision=" + URLEncoder.encode(decisionNumber, StandardCharsets.UTF_8))
                + "&callback=" + URLEncoder.encode(thiduaUrl, StandardCharsets.UTF_8)
                + "&token=" + URLEncoder.encode(portalToken, StandardCharsets.UTF_8));
    }

    public void reset() {
        post("reset");
    }

    public List<JsonNode> requests() {
        return list(get("requests"));
    }

    public List<JsonNode> requestsFor(String idempotencyKey) {
        return list(get("requests?key=" + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8)));
    }

    /** The dossiers taken, one per idempotency key: {@code idempotencyKey, reference, at, body}. */
    public List<JsonNode> accepted() {
        return list(get("accepted"));
    }

    private JsonNode post(String action) {
        return call(HttpRequest.newBuilder(URI.create(control + "/" + action)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    private JsonNode get(String action) {
        return call(HttpRequest.newBuilder(URI.create(control + "/" + action)).GET());
    }

    private JsonNode call(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("fake portal control " + request.build().uri() + ": " + response.statusCode());
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<JsonNode> list(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items;
    }
}
