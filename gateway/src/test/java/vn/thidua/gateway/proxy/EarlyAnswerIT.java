package vn.thidua.gateway.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.RealInfrastructure;
import vn.thidua.devstack.testing.TestTokens;
import vn.thidua.gateway.FakeUpstream;

/**
 * A service may answer before it has read the body (a permission check refuses an upload at once,
 * a size check answers 413): the caller must get that very answer, not a 502, however the service
 * treats the rest of the body. The fake service ({@code RefusingService}) answers 403 on the headers
 * of a 10 MiB upload that the client is still sending; each case runs 20 times, since the failure it
 * guards against depended on which of the answer and the broken connection the gateway saw first.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "gateway"))
@WithTestResource(FakeUpstream.class)
class EarlyAnswerIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BODY = 10 * 1024 * 1024;
    private static final int ROUNDS = 20;

    @Test
    void aServiceThatAnswersAndResetsTheConnectionIsRelayedEveryTime() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            assertRefusedAsTheServiceSaid("/api/refusing/upload/close", "early-close-" + i);
        }
    }

    @Test
    void aServiceThatAnswersAndStopsReadingIsRelayedEveryTime() throws Exception {
        for (int i = 0; i < ROUNDS; i++) {
            assertRefusedAsTheServiceSaid("/api/refusing/upload/ignore", "early-ignore-" + i);
        }
    }

    private static void assertRefusedAsTheServiceSaid(String path, String requestId) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port)) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.user("uploader-" + requestId, "viewer") + "\r\n"
                    + "Content-Type: application/pdf\r\nContent-Length: " + BODY + "\r\n"
                    + "X-Request-Id: " + requestId + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // the body goes on in 64 KiB pieces while the answer is read, as a browser does
            CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> send(out, BODY));
            InputStream in = socket.getInputStream();
            String statusLine = AccessLogLines.readLine(in);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = AccessLogLines.readLine(in); !line.isEmpty(); line = AccessLogLines.readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
            }
            assertEquals(403, Integer.parseInt(statusLine.split(" ")[1]), requestId + ": " + statusLine + " " + headers);
            assertTrue(headers.get("content-type").startsWith("application/problem+json"), headers.toString());
            assertEquals("refusing", headers.get("x-upstream"), "the service's own headers come through");
            assertEquals(requestId, headers.get("x-request-id"));
            assertNull(headers.get("transfer-encoding"));
            byte[] body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
            JsonNode problem = JSON.readTree(body);
            assertEquals("https://thidua.vn/problems/forbidden", problem.path("type").asText());
            assertEquals(403, problem.path("status").asInt());
            // the gateway reads the rest of the body and drops it at once: the upload is not stuck until a
            // timeout closes the service's connection (the idle timeout is 4 s in the tests)
            assertEquals(BODY, sent.get(3, TimeUnit.SECONDS), requestId + ": the client could send its whole body");
        }
    }

    /** The number of bytes written before the gateway stopped reading (all of them when it drains the body). */
    private static long send(OutputStream out, int length) {
        byte[] piece = new byte[64 * 1024];
        long written = 0;
        try {
            while (written < length) {
                int n = (int) Math.min(piece.length, length - written);
                out.write(piece, 0, n);
                written += n;
            }
            out.flush();
        } catch (IOException e) {
            // the gateway closed the connection
        }
        return written;
    }
}
