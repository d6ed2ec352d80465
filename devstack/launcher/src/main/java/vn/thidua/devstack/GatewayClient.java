package vn.thidua.devstack;

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
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/** Calls the system as any client would: through the gateway, with a token from its token endpoint. */
final class GatewayClient {
    private static final Duration CATCHING_UP = Duration.ofSeconds(60);

    /**
     * Calls again, for up to a minute, while the answer is a 422 of that problem: a service whose
     * read model has not yet caught up with another's event (a cluster-year it does not know yet).
     */
    static HttpResponse<String> whileCatchingUp(String problem, Supplier<HttpResponse<String>> call) {
        long deadline = System.nanoTime() + CATCHING_UP.toNanos();
        HttpResponse<String> response = call.get();
        while (response.statusCode() == 422 && response.body().contains(problem) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            response = call.get();
        }
        return response;
    }
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    GatewayClient(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    String passwordToken(String username, String password) {
        String form = "grant_type=password&username=" + encode(username) + "&password=" + encode(password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for " + username + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    /** A service account's token by the client-credentials grant (the portal's way in). */
    String clientToken(String clientId, String secret) {
        String form = "grant_type=client_credentials&client_id=" + encode(clientId) + "&client_secret=" + encode(secret);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("No token for client " + clientId + ": " + response.statusCode() + " " + response.body());
        }
        return read(response.body()).get("access_token").asText();
    }

    HttpResponse<String> postJson(String path, String token, Object body) {
        return postJson(path, token, body, null);
    }

    /** A POST that names the version it acts on ({@code If-Match}, an ETag such as {@code "0"}), as confirmations and ends need. */
    HttpResponse<String> postJson(String path, String token, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> putJson(String path, String token, Object body) {
        return putJson(path, token, body, null);
    }

    /** A PUT that names the version it replaces ({@code If-Match}), as a replacement of something entered before needs. */
    HttpResponse<String> putJson(String path, String token, Object body, String ifMatch) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json");
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            return send(request.PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HttpResponse<String> postBody(String path, String token, String contentType, byte[] body) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** A PDF sent raw, its name in {@code X-File-Name}, as the upload endpoints take documents. */
    HttpResponse<String> putPdf(String path, String token, String fileName, byte[] pdf) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/pdf")
                .header("X-File-Name", fileName)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(pdf)));
    }

    HttpResponse<String> get(String path, String token) {
        return send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + token).GET());
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> unit(String code, String name) {
        return Map.of("code", code, "name", name);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
