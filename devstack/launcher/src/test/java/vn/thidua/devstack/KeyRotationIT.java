package vn.thidua.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.infra.SigningKeys;

/**
 * The key rotation of docs/security.md, rolled across two gateway replicas under load: a client keeps
 * calling the three services through whichever replicas are up, with tokens issued by any of them (old
 * replicas' tokens included, until they expire), while each phase replaces both replicas, the new ones
 * starting before the old ones stop (as a Deployment with surge rolls). The services fetch the key set
 * through a stand-in for the gateway's Kubernetes Service, answered by whichever replica is up.
 * Not one call may be refused with 401. Phases: (0) sign with K1; (1) publish K2 as the next key;
 * (2) sign with K2, K1 the previous key; then, once K1's tokens have expired, (3) drop K1.
 */
class KeyRotationIT {
    /** Short-lived tokens, so that phase 3 need not wait 15 minutes for the old key's tokens to expire. */
    private static final Duration TOKEN_TTL = Duration.ofSeconds(8);
    private static final List<String> READS = List.of("/api/units?size=1", "/api/scoring/units?size=1", "/api/awards/units?size=1");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private static LocalStack stack;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path root = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize();
        stack = LocalStack.startPrivate(root, "rotation", List.of());
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void rotatingTheSigningKeyAcrossTwoReplicasUnderLoadRefusesNoOne() throws Exception {
        Path keys = stack.dataDir().resolve("keys");
        SigningKeys k1 = new SigningKeys(keys.resolve("jwt-signing-key.pem"), keys.resolve("jwt-public-key.pem"));
        SigningKeys k2 = SigningKeys.generate(stack.dataDir().resolve("keys-next"));

        // the stack's own gateway makes way for the replicas; its port becomes the Service the services fetch the JWKS from
        ServiceProcess original = stack.service("gateway");
        int servicePort = original.port();
        original.close();
        List<ServiceProcess> replicas = new CopyOnWriteArrayList<>();
        HttpServer service = jwksService(servicePort, replicas);
        Load load = new Load(replicas);
        try {
            roll(replicas, phase(k1, null, null), "phase 0: sign with K1");
            Thread client = new Thread(load::run, "rotation-client");
            client.start();
            awaitCalls(load, 150);
            roll(replicas, phase(k1, k2, null), "phase 1: publish K2 as the next key");
            awaitCalls(load, 150);
            roll(replicas, phase(k2, null, k1), "phase 2: sign with K2, K1 the previous key");
            awaitCalls(load, 150);
            // phase 3 only once no token signed by K1 is still valid (in production: one access-token lifetime)
            String oldKid = load.kidOf(k1);
            Awaitility.await().atMost(TOKEN_TTL.multipliedBy(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> load.tokens.values().stream().noneMatch(t -> t.kid().equals(oldKid) && t.valid()));
            roll(replicas, phase(k2, null, null), "phase 3: drop K1");
            awaitCalls(load, 150);
            load.stop();
            client.join(Duration.ofSeconds(10).toMillis());
        } finally {
            load.stop();
            replicas.forEach(ServiceProcess::close);
            service.stop(0);
        }
        System.out.println("ROTATION calls by signing key and status: " + load.outcomes);
        System.out.println("ROTATION logins: " + load.logins.get() + ", refused logins: " + load.refusedLogins.get());
        assertEquals(0, load.refused(), "calls refused with 401: " + load.outcomes);
        assertEquals(0, load.refusedLogins.get(), "logins refused");
        assertTrue(load.count(load.kidOf(k1), 200) > 0 && load.count(load.kidOf(k2), 200) > 0, load.outcomes.toString());
        assertEquals(load.total(), load.count(load.kidOf(k1), 200) + load.count(load.kidOf(k2), 200),
                "every call answered 200: " + load.outcomes);
    }

    /** The gateway's key configuration in a phase; null where a key is not named. */
    private static Map<String, String> phase(SigningKeys current, SigningKeys next, SigningKeys previous) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("thidua.auth.signing-key-location", current.privateKeyPem().toUri().toString());
        config.put("thidua.auth.public-key-location", current.publicKeyPem().toUri().toString());
        config.put("thidua.auth.next-public-key-location", next == null ? "" : next.publicKeyPem().toUri().toString());
        config.put("thidua.auth.previous-public-key-location", previous == null ? "" : previous.publicKeyPem().toUri().toString());
        config.put("thidua.auth.access-token-ttl", TOKEN_TTL.toSeconds() + "s");
        // one client makes all the calls: the per-client limit would answer 429, which is not what is measured
        config.put("thidua.gateway.rate-limit.enabled", "false");
        // as in Kubernetes (QUARKUS_SHUTDOWN_DELAY): a stopping replica keeps serving a moment, so that a
        // call its client sent just before the replica left the rotation is still answered
        config.put("quarkus.shutdown.delay", "1s");
        return config;
    }

    /**
     * Replaces the replicas by two with the phase's configuration: both new ones start and are ready
     * before the old ones leave, one at a time, each taken out of rotation before it stops.
     */
    private static void roll(List<ServiceProcess> replicas, Map<String, String> config, String phase) throws IOException {
        long started = System.nanoTime();
        List<ServiceProcess> old = List.copyOf(replicas);
        List<ServiceProcess> fresh = List.of(
                stack.launchAnotherInstance("gateway", LocalStack.freePort(), config),
                stack.launchAnotherInstance("gateway", LocalStack.freePort(), config));
        fresh.parallelStream().forEach(replica -> replica.awaitReady(stack.readyTimeout()));
        replicas.addAll(fresh);
        for (ServiceProcess leaving : old) {
            replicas.remove(leaving);
            leaving.close();
        }
        System.out.printf("ROTATION %s rolled in %d ms%n", phase, Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void awaitCalls(Load load, int calls) {
        int target = load.total() + calls;
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> load.total() >= target);
    }

    /** The gateway's Kubernetes Service, for the key set only: each fetch answered by a replica that is up. */
    private static HttpServer jwksService(int port, List<ServiceProcess> replicas) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        AtomicInteger next = new AtomicInteger();
        server.createContext("/auth/jwks", exchange -> {
            try (exchange) {
                List<ServiceProcess> up = List.copyOf(replicas);
                byte[] body;
                int status;
                try {
                    ServiceProcess replica = up.get(Math.floorMod(next.getAndIncrement(), up.size()));
                    HttpResponse<byte[]> answer = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/auth/jwks")).build(),
                            HttpResponse.BodyHandlers.ofByteArray());
                    status = answer.statusCode();
                    body = answer.body();
                    answer.headers().firstValue("Content-Type").ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
                } catch (Exception e) {
                    status = 503;
                    body = new byte[0];
                }
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
        return server;
    }

    /** A token and the replica that issued it. */
    private record Token(String jwt, String kid, Instant expires) {
        boolean valid() {
            // a client renews a second ahead rather than send a token about to expire
            return Instant.now().isBefore(expires.minusSeconds(1));
        }
    }

    /** The client: round-robin over the replicas up and over every valid token, three services in turn. */
    private static final class Load {
        private final List<ServiceProcess> replicas;
        /** The latest token each replica (by port) issued; kept after the replica is gone, until it expires. */
        private final Map<Integer, Token> tokens = new ConcurrentHashMap<>();
        /** Calls by "kid status". */
        private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        private final AtomicInteger logins = new AtomicInteger();
        private final AtomicInteger refusedLogins = new AtomicInteger();
        private final AtomicReference<Boolean> running = new AtomicReference<>(true);
        private final Map<String, String> kids = new ConcurrentHashMap<>();

        Load(List<ServiceProcess> replicas) {
            this.replicas = replicas;
        }

        void run() {
            Pacer pacer = new Pacer(Duration.ofMillis(4));
            long call = 0;
            while (running.get()) {
                pacer.awaitNextTick();
                List<ServiceProcess> up = List.copyOf(replicas);
                if (up.isEmpty()) {
                    continue;
                }
                ServiceProcess through = up.get((int) (call % up.size()));
                try {
                    renew(up);
                    List<Token> valid = tokens.values().stream().filter(Token::valid).toList();
                    if (valid.isEmpty()) {
                        continue;
                    }
                    Token token = valid.get((int) ((call / up.size()) % valid.size()));
                    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(through.baseUrl() + READS.get((int) (call % READS.size()))))
                            .header("Authorization", "Bearer " + token.jwt()).timeout(Duration.ofSeconds(10)).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    outcomes.computeIfAbsent(token.kid() + " " + answer.statusCode(), key -> new AtomicInteger()).incrementAndGet();
                } catch (IOException e) {
                    // a replica being stopped closes the connection of a call that raced its removal: not a refusal
                    outcomes.computeIfAbsent("connection " + e.getClass().getSimpleName(), key -> new AtomicInteger()).incrementAndGet();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                call++;
            }
        }

        /** Logs in at each replica up whose latest token is about to expire, as its clients would. */
        private void renew(List<ServiceProcess> up) throws IOException, InterruptedException {
            for (ServiceProcess replica : up) {
                Token latest = tokens.get(replica.port());
                if (latest != null && Instant.now().isBefore(latest.expires().minusSeconds(2))) {
                    continue;
                }
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(replica.baseUrl() + "/auth/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=board&password=" + DemoData.PASSWORD))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                logins.incrementAndGet();
                if (answer.statusCode() != 200) {
                    refusedLogins.incrementAndGet();
                    continue;
                }
                JsonNode body = GatewayClient.read(answer.body());
                String jwt = body.get("access_token").asText();
                JsonNode header = GatewayClient.read(new String(Base64.getUrlDecoder().decode(jwt.substring(0, jwt.indexOf('.'))), StandardCharsets.UTF_8));
                tokens.put(replica.port(), new Token(jwt, header.get("kid").asText(), Instant.now().plusSeconds(body.get("expires_in").asLong())));
            }
        }

        void stop() {
            running.set(false);
        }

        int total() {
            return outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
        }

        int refused() {
            return outcomes.entrySet().stream().filter(e -> e.getKey().endsWith(" 401")).mapToInt(e -> e.getValue().get()).sum();
        }

        int count(String kid, int status) {
            AtomicInteger calls = outcomes.get(kid + " " + status);
            return calls == null ? 0 : calls.get();
        }

        /** The kid of a key pair, as the gateway names it (RFC 7638 thumbprint). */
        String kidOf(SigningKeys keys) {
            return kids.computeIfAbsent(keys.publicKeyPem().toString(), path -> {
                try {
                    String pem = java.nio.file.Files.readString(keys.publicKeyPem());
                    return new org.jose4j.jwk.RsaJsonWebKey((java.security.interfaces.RSAPublicKey) io.smallrye.jwt.util.KeyUtils.decodePublicKey(pem))
                            .calculateBase64urlEncodedThumbprint("SHA-256");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }
    }
}
