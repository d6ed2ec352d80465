package vn.thidua.devstack.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A stand-in for the Department of Home Affairs portal, over real HTTP (the JDK's own server), as
 * {@code docs/portal.md} describes the exchange: it takes dossiers at {@code POST /dossiers},
 * checks the signature ({@code Thidua-Timestamp}, {@code Thidua-Signature}: HMAC-SHA256 with the
 * shared secret over {@code "<timestamp>.<body>"}), and receives each {@code Idempotency-Key} once —
 * a repeat is answered 409 with the reference given the first time.
 *
 * <p>It records every request (headers, body, whether the signature held, what it answered), and
 * can be told to misbehave: fail the next requests with a status ({@link #failNext}), be down until
 * told otherwise ({@link #down}), be slow ({@link #delay}), or take a dossier and drop the answer
 * ({@link #dropNextAnswers}) so that the sender, not knowing, sends it again. The same controls are
 * offered over HTTP under {@code /_fake/} (see {@link FakePortalClient}), which is what tests in
 * another class loader or process use, and what a person can drive with curl while {@code ./thidua
 * up} runs.
 *
 * <p>Written for this project; nothing in it comes from a real portal's code.
 */
public final class FakePortal implements AutoCloseable {
    public static final String DOSSIERS_PATH = "/dossiers";
    public static final String CONTROL_PATH = "/_fake";
    /** How far a signature's timestamp may be from the fake's clock. */
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** What the fake did with one request. */
    public enum Outcome {
        /** A new dossier: received, with a new reference. */
        ACCEPTED,
        /** Its idempotency key was seen before: answered 409 with the first reference, no new effect. */
        DUPLICATE,
        /** Received (an effect, like {@link #ACCEPTED}) but the answer was dropped: the connection was closed unanswered. */
        ANSWER_DROPPED,
        /** Failed on purpose ({@link #failNext} or {@link #down}), nothing received. */
        FAILED_ON_PURPOSE,
        /** Signature missing, wrong or too old: 401, nothing received. */
        BAD_SIGNATURE,
        /** Not a dossier as documented (no key, not JSON, key differs from the body's): 400, nothing received. */
        BAD_REQUEST
    }

    /** One request as it came and how it was answered ({@code answered} 0 when the answer was dropped). */
    public record Received(long sequence, Instant at, String method, String path, Map<String, List<String>> headers,
                           String idempotencyKey, boolean signatureValid, String body, int answered, Outcome outcome, String reference) {
    }

    /** A dossier the portal took (its effect), once per idempotency key. */
    public record Accepted(String idempotencyKey, String reference, Instant at, String body) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final byte[] secret;
    private final ObjectMapper json = new ObjectMapper();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Accepted> accepted = new ConcurrentHashMap<>();
    private final List<Accepted> acceptedInOrder = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong references = new AtomicLong();
    private final AtomicInteger failuresLeft = new AtomicInteger();
    private final AtomicInteger dropsLeft = new AtomicInteger();
    private volatile int failureStatus = 503;
    private volatile boolean down;
    private volatile Duration delay = Duration.ZERO;
    /** Notified when the delay changes, so answers held back end as soon as the test shortens it. */
    private final Object delayChanged = new Object();
    private final FakeNationalSystem national = new FakeNationalSystem();

    private FakePortal(HttpServer server, ExecutorService executor, String secret) {
        this.server = server;
        this.executor = executor;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Listens on 127.0.0.1 at {@code port} (0: a free one) and checks signatures with {@code secret}.
     */
    public static FakePortal start(int port, String secret) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("the fake portal needs the shared secret to check signatures");
        }
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
                Thread thread = new Thread(runnable, "fake-portal");
                thread.setDaemon(true);
                return thread;
            });
            server.setExecutor(executor);
            FakePortal portal = new FakePortal(server, executor, secret);
            server.createContext(DOSSIERS_PATH, portal::dossier);
            server.createContext(CONTROL_PATH, portal::control);
            server.start();
            return portal;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the fake portal on port " + port, e);
        }
    }

    /** {@code java -cp ... vn.thidua.devstack.portal.FakePortal [PORT] [SECRET]}: runs it alone until killed. */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
        String secret = args.length > 1 ? args[1] : System.getenv().getOrDefault("THIDUA_PORTAL_SIGNING_SECRET", "");
        FakePortal portal = start(port, secret);
        Runtime.getRuntime().addShutdownHook(new Thread(portal::close, "fake-portal-stop"));
        System.out.println("Fake portal: dossiers at " + portal.url() + ", controls at " + portal.baseUrl() + CONTROL_PATH);
        Thread.currentThread().join();
    }

    /** Where dossiers are sent: the value for {@code thidua.portal.url}. */
    public String url() {
        return baseUrl() + DOSSIERS_PATH;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- misbehaviour ----

    /** The next {@code count} dossier requests are answered {@code status} (e.g. 503, or 422 to refuse) without effect. */
    public void failNext(int count, int status) {
        failureStatus = status;
        failuresLeft.set(count);
    }

    /** Every dossier request is answered 503 without effect until {@link #up()}. */
    public void down() {
        down = true;
    }

    public void up() {
        down = false;
    }

    /** Waits this long before answering each dossier request (zero: at once); a shorter delay also lets held answers go. */
    public void delay(Duration delay) {
        synchronized (delayChanged) {
            this.delay = delay;
            delayChanged.notifyAll();
        }
    }

    /**
     * The next {@code count} dossiers are received (the effect happens) but the connection is closed
     * without an answer, as when a response is lost: the sender does not know and sends again.
     */
    public void dropNextAnswers(int count) {
        dropsLeft.set(count);
    }

    /** The national dossier system behind the portal: connect it to Thi đua's gateway and script its answers. */
    public FakeNationalSystem national() {
        return national;
    }

    /** Well-behaved again, and forgets what it saw. */
    public void reset() {
        failuresLeft.set(0);
        dropsLeft.set(0);
        down = false;
        delay(Duration.ZERO);
        requests.clear();
        accepted.clear();
        acceptedInOrder.clear();
        national.reset();
    }

    // ---- what it saw ----

    public List<Received> requests() {
        return List.copyOf(requests);
    }

    public List<Received> requestsFor(String idempotencyKey) {
        return requests.stream().filter(r -> idempotencyKey.equals(r.idempotencyKey())).toList();
    }

    /** The dossiers it took, in order, one per idempotency key. */
    public List<Accepted> accepted() {
        return List.copyOf(acceptedInOrder);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "fake portal at " + baseUrl();
    }

    // ---- the portal's side of the exchange ----

    private void dossier(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            String body = new String(raw, StandardCharsets.UTF_8);
            String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
            boolean signed = signatureValid(exchange.getRequestHeaders().getFirst("Thidua-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Thidua-Signature"), raw);
            pause();
            if (!"POST".equals(exchange.getRequestMethod())) {
                answer(exchange, record(exchange, key, signed, body, 405, Outcome.BAD_REQUEST, null), problem("method not allowed"));
                return;
            }
            if (down || failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                int status = down ? 503 : failureStatus;
                answer(exchange, record(exchange, key, signed, body, status, Outcome.FAILED_ON_PURPOSE, null), problem("failing on purpose"));
                return;
            }
            if (!signed) {
                answer(exchange, record(exchange, key, false, body, 401, Outcome.BAD_SIGNATURE, null), problem("signature missing, wrong or too old"));
                return;
            }
            String problem = malformed(key, body);
            if (problem != null) {
                answer(exchange, record(exchange, key, true, body, 400, Outcome.BAD_REQUEST, null), problem(problem));
                return;
            }
            Accepted fresh = new Accepted(key, String.format("HS-%06d", references.incrementAndGet()), Instant.now(), body);
            Accepted first = accepted.putIfAbsent(key, fresh);
            if (first != null) {
                ObjectNode answer = json.createObjectNode().put("reference", first.reference()).put("status", "already-received");
                answer(exchange, record(exchange, key, true, body, 409, Outcome.DUPLICATE, first.reference()), answer);
                return;
            }
            acceptedInOrder.add(fresh);
            national.received(json.readTree(body), executor);
            if (dropsLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                record(exchange, key, true, body, 0, Outcome.ANSWER_DROPPED, fresh.reference());
                // closing without a status line: the sender sees the connection end with no answer
                return;
            }
            exchange.getResponseHeaders().add("Location", DOSSIERS_PATH + "/" + fresh.reference());
            ObjectNode answer = json.createObjectNode().put("reference", fresh.reference()).put("receivedAt", fresh.at().toString());
            answer(exchange, record(exchange, key, true, body, 201, Outcome.ACCEPTED, fresh.reference()), answer);
        }
    }

    private String malformed(String key, String body) {
        if (key == null || key.isBlank()) {
            return "Idempotency-Key missing";
        }
        try {
            JsonNode dossier = json.readTree(body);
            if (dossier == null || !key.equals(dossier.path("idempotencyKey").asText())) {
                return "the body's idempotencyKey differs from the header's";
            }
            return null;
        } catch (IOException notJson) {
            return "the body is not JSON";
        }
    }

    /** The documented check: HMAC-SHA256(secret, timestamp + "." + body), hex, as {@code v1=...}; timestamp within five minutes. */
    private boolean signatureValid(String timestamp, String signature, byte[] body) {
        if (timestamp == null || signature == null) {
            return false;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return false;
        }
        byte[] expected = hmac(timestamp.strip(), body);
        for (String part : signature.split(",")) {
            String candidate = part.strip();
            if (candidate.startsWith("v1=")) {
                try {
                    if (MessageDigest.isEqual(expected, HexFormat.of().parseHex(candidate.substring(3)))) {
                        return true;
                    }
                } catch (IllegalArgumentException notHex) {
                    // try the next one
                }
            }
        }
        return false;
    }

    private byte[] hmac(String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update(timestamp.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Holds the answer until the delay, counted from now, has passed, or until the delay is shortened to have passed. */
    private void pause() {
        long received = System.nanoTime();
        synchronized (delayChanged) {
            try {
                for (long left = delay.toNanos(); left > 0; left = received + delay.toNanos() - System.nanoTime()) {
                    delayChanged.wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Received record(HttpExchange exchange, String key, boolean signed, String body, int status, Outcome outcome, String reference) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        Received received = new Received(sequence.incrementAndGet(), Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                headers, key, signed, body, status, outcome, reference);
        requests.add(received);
        return received;
    }

    private ObjectNode problem(String detail) {
        return json.createObjectNode().put("title", detail);
    }

    private void answer(HttpExchange exchange, Received received, JsonNode body) throws IOException {
        send(exchange, received.answered(), body);
    }

    private void send(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = json.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    // ---- the controls over HTTP ----

    private void control(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestURI().getPath().substring(CONTROL_PATH.length()).replaceAll("^/+", "");
            Map<String, String> query = query(exchange.getRequestURI());
            boolean post = "POST".equals(exchange.getRequestMethod());
            switch (action) {
                case "requests" -> {
                    ArrayNode list = json.createArrayNode();
                    String key = query.get("key");
                    for (Received r : key == null ? requests() : requestsFor(key)) {
                        list.add(toJson(r));
                    }
                    send(exchange, 200, list);
                }
                case "accepted" -> {
                    ArrayNode list = json.createArrayNode();
                    for (Accepted a : accepted()) {
                        list.addObject().put("idempotencyKey", a.idempotencyKey()).put("reference", a.reference())
                                .put("at", a.at().toString()).put("body", a.body());
                    }
                    send(exchange, 200, list);
                }
                case "fail" -> {
                    requirePost(post);
                    failNext(Integer.parseInt(query.getOrDefault("count", "1")), Integer.parseInt(query.getOrDefault("status", "503")));
                    send(exchange, 200, state());
                }
                case "down" -> {
                    requirePost(post);
                    down();
                    send(exchange, 200, state());
                }
                case "up" -> {
                    requirePost(post);
                    up();
                    send(exchange, 200, state());
                }
                case "delay" -> {
                    requirePost(post);
                    delay(Duration.ofMillis(Long.parseLong(query.getOrDefault("millis", "0"))));
                    send(exchange, 200, state());
                }
                case "drop" -> {
                    requirePost(post);
                    dropNextAnswers(Integer.parseInt(query.getOrDefault("count", "1")));
                    send(exchange, 200, state());
                }
                case "reset" -> {
                    requirePost(post);
                    reset();
                    send(exchange, 200, state());
                }
                case "national" -> {
                    requirePost(post);
                    if (query.containsKey("callback")) {
                        national.connectWithToken(query.get("callback"), query.get("token"));
                    }
                    national.script(new FakeNationalSystem.Script(FakeNationalSystem.Answer.valueOf(query.getOrDefault("answer", "NONE")),
                            query.get("reason"), query.getOrDefault("decision", "1/QĐ-TTg")));
                    send(exchange, 200, state());
                }
                case "" -> send(exchange, 200, state());
                default -> send(exchange, 404, problem("no such control: " + action));
            }
        } catch (IllegalArgumentException e) {
            send(exchange, 400, problem(e.getMessage()));
        }
    }

    private static void requirePost(boolean post) {
        if (!post) {
            throw new IllegalArgumentException("controls that change the fake take POST");
        }
    }

    private ObjectNode toJson(Received r) {
        ObjectNode node = json.createObjectNode();
        node.put("sequence", r.sequence()).put("at", r.at().toString()).put("method", r.method()).put("path", r.path());
        ObjectNode headers = node.putObject("headers");
        r.headers().forEach((name, values) -> headers.put(name, String.join(", ", values)));
        node.put("idempotencyKey", r.idempotencyKey()).put("signatureValid", r.signatureValid()).put("answered", r.answered())
                .put("outcome", r.outcome().name()).put("reference", r.reference()).put("body", r.body());
        return node;
    }

    private ObjectNode state() {
        return json.createObjectNode().put("dossiers", url()).put("down", down).put("failuresLeft", failuresLeft.get())
                .put("failureStatus", failureStatus).put("delayMillis", delay.toMillis()).put("dropsLeft", dropsLeft.get())
                .put("requests", requests.size()).put("accepted", acceptedInOrder.size())
                .put("nationalAnswer", national.script().answer().name()).put("nationalAnswers", national.answered().size());
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.put(name, value);
        }
        return values;
    }

    /** How many dossiers it took so far. */
    public int acceptedCount() {
        return acceptedInOrder.size();
    }
}
