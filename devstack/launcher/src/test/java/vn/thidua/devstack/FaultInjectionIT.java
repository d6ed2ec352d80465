package vn.thidua.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import vn.thidua.devstack.infra.KafkaBroker;
import vn.thidua.devstack.testing.PrometheusText;

/**
 * Faults injected into a running stack of its own (real PostgreSQL, real Kafka, the services as
 * JVMs): the broker stops for a while, a service dies by SIGKILL while it relays or consumes. Each
 * test registers units under a code prefix of its own and then checks, from the databases and the
 * topic, that the outcome is the one without the fault: every unit reaches the consumers' read
 * models, each event is applied once (one inbox row per event), nothing is left in the outbox.
 * The counts are printed as "FAULT ..." lines; docs/reliability.md records a run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultInjectionIT {
    private static final String TOPIC = "thidua.units.v1";
    private static final String UNITS_SOURCE = "/thidua/units-service";
    private static final Duration CATCH_UP = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private static LocalStack stack;
    private static String gateway;
    private static String board;

    @BeforeAll
    static void startTheStack() throws IOException {
        Path root = Path.of(System.getProperty("thidua.root", "../..")).toAbsolutePath().normalize();
        // A consumer killed by SIGKILL never says goodbye: its group waits for the session to time out before
        // handing its partitions to the restarted instance. Kafka's default is 45 s; the broker's floor is 6 s.
        // The services pass every kafka.* property to their consumers (SmallRye's default Kafka configuration).
        stack = LocalStack.startPrivate(root, "faults", List.of("-Dkafka.session.timeout.ms=6000", "-Dkafka.heartbeat.interval.ms=1000"));
        gateway = stack.gatewayUrl();
        board = token("board");
    }

    @AfterAll
    static void stopTheStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * Units registered one after another through the gateway while the broker is stopped for a few
     * seconds and started again: no request notices (the outbox holds the events), and once the broker
     * is back every event reaches both consumers, once.
     */
    @Test
    @Order(1)
    void theBrokerStopsForAWhileDuringAStreamOfChanges() throws Exception {
        String prefix = "FK.";
        Baseline before = Baseline.take();
        KafkaBroker broker = stack.kafkaBroker();
        try (Sender sender = new Sender(prefix)) {
            sender.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sender.created() >= 20);
            broker.stop();
            int createdAtStop = sender.created();
            long stoppedAt = System.nanoTime();
            try {
                // the broker stays away for 4 s while requests keep coming; none of them may fail
                Awaitility.await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                        .until(() -> sender.failures().isEmpty());
                assertTrue(sender.created() > createdAtStop + 10, "requests went on while the broker was down: "
                        + (sender.created() - createdAtStop));
                // and the services stay ready to serve: a Kubernetes readiness probe that failed now would take every
                // replica out of its Service, and the outage the outbox absorbs would reach the clients after all
                // (a failed liveness probe would restart them); both within the probes' 2 s timeout
                for (String service : List.of("units", "scoring", "awards")) {
                    for (String probe : List.of("/q/health/ready", "/q/health/live")) {
                        HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + probe))
                                .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                        assertEquals(200, health.statusCode(), service + " " + probe + " while the broker is down: " + health.body());
                    }
                }
            } finally {
                broker.startAgain();
            }
            long outageMillis = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
            int createdDuringOutage = sender.created() - createdAtStop;
            int createdAtRestart = sender.created();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sender.created() >= createdAtRestart + 20);
            sender.stop();
            assertEquals(Map.of(), sender.failures(), "no request failed because the broker was down");
            System.out.printf("FAULT broker-outage: broker down %d ms, %d units registered during the outage%n",
                    outageMillis, createdDuringOutage);
            Outcome outcome = awaitEveryEventApplied("broker-outage", prefix, sender.codes(), before);
            outcome.assertExactlyOnce();
        }
    }

    /**
     * units-service is killed right after a bulk import committed, while its relay is moving the new
     * outbox rows to Kafka: the rows it had not deleted stay, the restarted instance relays them, and a
     * row sent but not yet deleted at the kill is sent again and absorbed by the consumers' inbox.
     */
    @Test
    @Order(2)
    void unitsServiceIsKilledWhileItRelays() throws Exception {
        String prefix = "FU.";
        Baseline before = Baseline.take();
        List<String> codes = importUnits(prefix, 1500);
        stack.service("units").kill();
        long leftInOutbox = count("thidua_units", "SELECT count(*) FROM outbox");
        long publishedBeforeRestart = recordsOnTheTopic(prefix).size();
        System.out.printf("FAULT units-killed: %d events committed, %d already on the topic and %d left in the outbox at SIGKILL%n",
                codes.size(), publishedBeforeRestart, leftInOutbox);
        assertTrue(leftInOutbox > 0, "the kill came after the relay had finished: nothing was in flight");
        stack.restart("units");
        Outcome outcome = awaitEveryEventApplied("units-killed", prefix, codes, before);
        outcome.assertExactlyOnce();
    }

    /**
     * scoring-service is killed while it consumes a burst of events: what it had applied stays
     * (each event's effect and inbox row commit together), the restarted instance resumes from the
     * last committed offset, and the events it sees again are recognised and skipped.
     */
    @Test
    @Order(3)
    void scoringServiceIsKilledWhileItConsumes() throws Exception {
        String prefix = "FS.";
        Baseline before = Baseline.take();
        List<String> codes = importUnits(prefix, 2000);
        String knownBySoring = "SELECT count(*) FROM known_unit WHERE code LIKE '" + prefix + "%'";
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(20)).until(() -> count("thidua_scoring", knownBySoring) >= 200);
        stack.service("scoring").kill();
        long appliedAtKill = count("thidua_scoring", knownBySoring);
        System.out.printf("FAULT scoring-killed: %d events, %d applied by scoring at SIGKILL%n", codes.size(), appliedAtKill);
        assertTrue(appliedAtKill < codes.size(), "scoring had consumed the whole burst before the kill");
        stack.restart("scoring");
        Outcome outcome = awaitEveryEventApplied("scoring-killed", prefix, codes, before);
        outcome.assertExactlyOnce();
    }

    /**
     * PostgreSQL stops under a stream of registrations and starts again: while it is away each request
     * is refused at once with 503 problem+json and a Retry-After (not a 500, not a hang), nothing is
     * half-written (a refused registration left no unit and no event), and requests succeed again
     * once it is back; every accepted registration reaches the consumers once.
     */
    @Test
    @Order(4)
    void postgresRestartsUnderLoad() throws Exception {
        String prefix = "FP.";
        Baseline before = Baseline.take();
        try (Sender sender = new Sender(prefix)) {
            sender.start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sender.created() >= 20);
            stack.postgres().stop();
            int answersAtStop = sender.answers().size();
            long stoppedAt = System.nanoTime();
            try {
                // a few seconds of outage, during which the requests keep coming and are refused
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        sender.answers().size() >= answersAtStop + 10 && System.nanoTime() - stoppedAt > Duration.ofSeconds(3).toNanos());
            } finally {
                stack.postgres().startAgain();
            }
            long outageMillis = Duration.ofNanos(System.nanoTime() - stoppedAt).toMillis();
            int answersAtRestart = sender.answers().size();
            // back: a run of 20 registrations accepted in a row
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                List<Answer> answers = sender.answers();
                return answers.size() >= answersAtRestart + 20
                        && answers.subList(answers.size() - 20, answers.size()).stream().allMatch(answer -> answer.status() == 201);
            });
            sender.stop();
            List<Answer> answers = sender.answers();
            List<Answer> refused = answers.stream().filter(answer -> answer.status() != 201).toList();
            long firstOkAfterRestart = answers.subList(answersAtRestart, answers.size()).stream()
                    .takeWhile(answer -> answer.status() != 201).count();
            Duration slowestRefusal = refused.stream().map(Answer::took).max(Duration::compareTo).orElse(Duration.ZERO);
            System.out.printf("FAULT postgres-restart: database down %d ms; %d requests, %d accepted, %d refused (%s),"
                            + " slowest refusal %d ms, %d refused after the restart before the first success%n",
                    outageMillis, answers.size(), sender.created(), refused.size(),
                    refused.stream().collect(Collectors.groupingBy(answer -> answer.status() + " " + answer.problemType(), TreeMap::new,
                            Collectors.counting())),
                    slowestRefusal.toMillis(), firstOkAfterRestart);
            assertTrue(refused.size() > 0, "no request met the outage");
            for (Answer answer : refused) {
                assertEquals(503, answer.status(), "refused during the outage: " + answer);
                assertTrue(answer.contentType().startsWith("application/problem+json"), "a problem: " + answer);
                assertTrue(answer.retryAfter() != null, "says when to retry: " + answer);
                assertTrue(answer.took().compareTo(Duration.ofSeconds(5)) < 0, "refused fast: " + answer);
            }
            // nothing half-written: exactly the accepted registrations exist, and each was announced once
            Set<String> registered = codesIn("thidua_units", "SELECT code FROM unit WHERE code LIKE '" + prefix + "%'");
            assertEquals(Set.copyOf(sender.codes()), registered, "the units registered are exactly those accepted");
            Outcome outcome = awaitEveryEventApplied("postgres-restart", prefix, sender.codes(), before);
            outcome.assertExactlyOnce();
        }
    }

    // --- what the tests check ------------------------------------------------------------------

    /** Inbox rows and absorbed duplicates before a test, so that each test counts only its own events. */
    private record Baseline(long scoringInbox, long awardsInbox) {
        static Baseline take() throws SQLException {
            return new Baseline(unitsInbox("thidua_scoring"), unitsInbox("thidua_awards"));
        }
    }

    /**
     * What became of one test's registrations. {@code sent}: units registered (units-service's table,
     * the source of truth); {@code published}: records on the topic with their key, of which
     * {@code distinctEvents} distinct; {@code deliveredX}: units in each read model; {@code appliedX}:
     * new inbox rows (one per applied event).
     */
    private record Outcome(String fault, int sent, int published, int distinctEvents, long deliveredScoring, long deliveredAwards,
                           long appliedScoring, long appliedAwards, long outbox) {
        void assertExactlyOnce() {
            assertEquals(sent, distinctEvents, fault + ": one event per registration reached the topic");
            assertEquals(sent, deliveredScoring, fault + ": every unit reached scoring's read model");
            assertEquals(sent, deliveredAwards, fault + ": every unit reached awards' read model");
            assertEquals(sent, appliedScoring, fault + ": scoring applied each event once");
            assertEquals(sent, appliedAwards, fault + ": awards applied each event once");
            assertEquals(0, outbox, fault + ": nothing left unsent");
        }
    }

    private static Outcome awaitEveryEventApplied(String fault, String prefix, List<String> expectedCodes, Baseline before) throws Exception {
        String registered = "SELECT count(*) FROM unit WHERE code LIKE '" + prefix + "%'";
        long sent = count("thidua_units", registered);
        assertEquals(expectedCodes.size(), sent, fault + ": every accepted registration is in units-service's database");
        String known = "SELECT count(*) FROM known_unit WHERE code LIKE '" + prefix + "%'";
        long start = System.nanoTime();
        Awaitility.await().atMost(CATCH_UP).pollInterval(Duration.ofMillis(250)).until(() ->
                count("thidua_scoring", known) >= sent && count("thidua_awards", known) >= sent
                        && count("thidua_units", "SELECT count(*) FROM outbox") == 0);
        long catchUpMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
        List<ConsumerRecord<String, String>> published = recordsOnTheTopic(prefix);
        Set<String> eventIds = published.stream().map(record -> eventId(record.value())).collect(Collectors.toSet());
        Outcome outcome = new Outcome(fault, (int) sent, published.size(), eventIds.size(),
                count("thidua_scoring", known), count("thidua_awards", known),
                unitsInbox("thidua_scoring") - before.scoringInbox(), unitsInbox("thidua_awards") - before.awardsInbox(),
                count("thidua_units", "SELECT count(*) FROM outbox"));
        long duplicatesApplied = Math.max(0, outcome.appliedScoring() - sent) + Math.max(0, outcome.appliedAwards() - sent);
        long lost = Math.max(0, sent - outcome.deliveredScoring()) + Math.max(0, sent - outcome.deliveredAwards());
        System.out.printf("FAULT %s: sent %d, published %d records (%d distinct events, %d sent again), delivered scoring %d / awards %d,"
                        + " applied scoring %d / awards %d, duplicates applied %d, lost %d, outbox %d, caught up %d ms after the fault%n",
                fault, sent, outcome.published(), outcome.distinctEvents(), outcome.published() - outcome.distinctEvents(),
                outcome.deliveredScoring(), outcome.deliveredAwards(), outcome.appliedScoring(), outcome.appliedAwards(),
                duplicatesApplied, lost, outcome.outbox(), catchUpMillis);
        System.out.printf("FAULT %s: redeliveries the inboxes recognised and skipped since start: scoring %s, awards %s%n",
                fault, duplicatesSeenBy("scoring"), duplicatesSeenBy("awards"));
        return outcome;
    }

    private static long unitsInbox(String database) throws SQLException {
        return count(database, "SELECT count(*) FROM inbox WHERE source = '" + UNITS_SOURCE + "'");
    }

    /** Every record on the units topic whose key starts with the prefix, read from the start to the current end. */
    private static List<ConsumerRecord<String, String>> recordsOnTheTopic(String prefix) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "fault-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + TOPIC + " to its end within 30 s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.key() != null && record.key().startsWith(prefix)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    private static final Pattern EVENT_ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");

    private static String eventId(String cloudEvent) {
        Matcher id = EVENT_ID.matcher(cloudEvent);
        if (!id.find()) {
            throw new AssertionError("No event id in " + cloudEvent);
        }
        return id.group(1);
    }

    private static double duplicatesSeenBy(String service) {
        try {
            HttpResponse<String> metrics = HTTP.send(HttpRequest.newBuilder(URI.create(stack.managementUrl(service) + "/q/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return PrometheusText.sum(metrics.body(), "thidua_inbox_events_total", Map.of("outcome", "duplicate"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // --- driving the stack ---------------------------------------------------------------------

    /**
     * Registers units one after another through the gateway until stopped, a request every 20 ms at
     * most (half the gateway's per-client rate limit, so that fast refusals during an outage do not turn
     * into 429s); keeps every answer.
     */
    private static final class Sender implements AutoCloseable {
        private static final Pattern PROBLEM_TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]+)\"");
        private final String prefix;
        private final List<String> created = new CopyOnWriteArrayList<>();
        private final Map<String, String> failures = new ConcurrentHashMap<>();
        private final List<Answer> answers = new CopyOnWriteArrayList<>();
        private final AtomicInteger next = new AtomicInteger();
        private final ScheduledExecutorService pacer;

        Sender(String prefix) {
            this.prefix = prefix;
            this.pacer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "fault-sender-" + prefix);
                thread.setDaemon(true);
                return thread;
            });
        }

        void start() {
            pacer.scheduleWithFixedDelay(this::sendOne, 0, 20, TimeUnit.MILLISECONDS);
        }

        private void sendOne() {
            String code = String.format("%s%05d", prefix, next.getAndIncrement());
            String body = "{\"code\":\"" + code + "\",\"name\":\"Đơn vị thử lỗi " + code + "\"}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/units"))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + board)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
            long start = System.nanoTime();
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                Matcher type = PROBLEM_TYPE.matcher(response.body());
                answers.add(new Answer(code, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        type.find() ? type.group(1) : null, response.headers().firstValue("Retry-After").orElse(null),
                        Duration.ofNanos(System.nanoTime() - start)));
                if (response.statusCode() == 201) {
                    created.add(code);
                } else {
                    failures.put(code, response.statusCode() + " " + response.body());
                }
            } catch (IOException e) {
                answers.add(new Answer(code, -1, e.toString(), null, null, Duration.ofNanos(System.nanoTime() - start)));
                failures.put(code, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        int created() {
            return created.size();
        }

        List<String> codes() {
            return List.copyOf(created);
        }

        Map<String, String> failures() {
            return new TreeMap<>(failures);
        }

        /** Every answer so far, in the order they came. */
        List<Answer> answers() {
            return List.copyOf(answers);
        }

        void stop() throws InterruptedException {
            pacer.shutdown();
            if (!pacer.awaitTermination(15, TimeUnit.SECONDS)) {
                throw new IllegalStateException("A request of " + prefix + " did not end within 15 s");
            }
        }

        @Override
        public void close() throws InterruptedException {
            stop();
        }
    }

    /** One request's answer: status (-1 when none came), content type (or the I/O failure), problem type, Retry-After, time taken. */
    private record Answer(String code, int status, String contentType, String problemType, String retryAfter, Duration took) {
    }

    private static List<String> codes(String prefix, int count) {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(String.format("%s%05d", prefix, i));
        }
        return codes;
    }

    /** One CSV import of {@code count} new units through the gateway, which must accept it whole; their codes. */
    private static List<String> importUnits(String prefix, int count) {
        List<String> codes = codes(prefix, count);
        StringBuilder csv = new StringBuilder("code,name,kind\n");
        codes.forEach(code -> csv.append(code).append(",Đơn vị thử lỗi ").append(code).append(",OTHER\n"));
        HttpResponse<String> imported = new GatewayClient(gateway).postBody("/api/units/import", board, "text/csv; charset=UTF-8",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        assertEquals(200, imported.statusCode(), imported.body());
        return codes;
    }

    private static long count(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                stack.postgres().user(), stack.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Set<String> codesIn(String database, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(stack.postgres().jdbcUrl(database),
                stack.postgres().user(), stack.postgres().password());
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            Set<String> codes = new java.util.HashSet<>();
            while (result.next()) {
                codes.add(result.getString(1));
            }
            return codes;
        }
    }

    private static String token(String username) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&username=" + username + "&password=" + DemoData.PASSWORD))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return GatewayClient.read(response.body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try {
            return LocalStack.freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
