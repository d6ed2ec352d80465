package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.locks.LockSupport;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Secret ballots at province scale: starts a private stack on free ports, registers
 * {@code sessions} clusters of 30 units through units-service's API (awards-service learns them
 * from {@code thidua.clusters.v1}), an award type and its rule set through awards-service's API,
 * then times {@code POST /api/awards/voting-sessions/{id}/ballots}:
 * <ol>
 *   <li>one session, its 30 voters released at once (directly and through the gateway);</li>
 *   <li>{@code sessions} sessions open at once, every member voting, {@code clients} requests at a time;</li>
 *   <li>the same with every unit sending its ballot five times at once: exactly one may count,
 *       checked in the responses and in awards-service's {@code ballot} and {@code ballot_cast} tables.</li>
 * </ol>
 * A cast locks its session's row and writes the session's whole ballot box again (secrecy), so
 * the casts of one session are serialized and each costs in proportion to the ballots before it;
 * sequential casts into sessions of 30 and of a block of 150 show that growth. For 2 and 3 it
 * also reports the CPU each process used per ballot (the services, this stack's PostgreSQL, the
 * benchmark's own clients, and what other processes of the machine took meanwhile).
 *
 * <p>Unit representatives' tokens are signed by the benchmark with the stack's own signing key,
 * in the gateway's shape (issuer, audience, key id, role {@code unit-rep}, claim {@code unit}):
 * the gateway has demo accounts for six units only. The Board's token comes from the gateway.
 */
final class BallotBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int UNITS_PER_CLUSTER = 30;
    private static final int ATTEMPTS_PER_UNIT = 5;
    private static final int NOMINEES = 3;
    private static final int ROUNDS = 10;
    /** Members of the one block (khối) of the growth diagnostic: the units of its first clusters. */
    private static final int BLOCK_UNITS = 150;
    private static final int YEAR = 2024;
    private static final String AWARD = "BENCH_CO_THI_DUA";
    private static final String SESSIONS = "/api/awards/voting-sessions";
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final GatewayClient gateway;
    private final String gatewayUrl;
    private final String awardsUrl;
    private final String jdbc;
    private final String dbUser;
    private final String dbPassword;
    private final List<Cluster> clusters = new ArrayList<>();
    private Cluster block;
    private final Map<String, String> tokens = new HashMap<>();
    private final List<String[]> table = new ArrayList<>();
    private final Map<String, Long> pids = new LinkedHashMap<>();

    private record Cluster(long id, List<String> members) {
        List<String> nominees() {
            return members.subList(0, NOMINEES);
        }
    }

    private record Session(UUID id, Cluster cluster) {
    }

    /** One request: which unit, its answer, and when it started and ended (System.nanoTime). */
    private record Cast(Session session, String unit, int status, String receipt, long start, long end) {
        long nanos() {
            return end - start;
        }
    }

    private BallotBenchmark(LocalStack stack) {
        this.gateway = new GatewayClient(stack.gatewayUrl());
        this.gatewayUrl = stack.gatewayUrl();
        this.awardsUrl = stack.serviceUrl("awards");
        this.jdbc = stack.postgres().jdbcUrl("thidua_awards");
        this.dbUser = stack.postgres().user();
        this.dbPassword = stack.postgres().password();
        stack.services().forEach((name, process) -> pids.put(name, process.pid()));
    }

    static void run(Path root, int sessions, int clients, BenchReport report) throws Exception {
        requireEnough(sessions, clients);
        LocalStack stack = LocalStack.startPrivate(root, "bench-ballots", List.of());
        Path dataDir = stack.dataDir();
        boolean done = false;
        try (stack) {
            run(stack, sessions, clients, report);
            done = true;
        } finally {
            if (done) {
                Main.deleteRecursively(dataDir);
            } else {
                System.err.println("Service logs kept in " + dataDir.resolve("logs"));
            }
        }
    }

    /** On a stack of the caller's: its own units, clusters and sessions beside whatever the stack holds. */
    static void run(LocalStack stack, int sessions, int clients, BenchReport report) throws Exception {
        requireEnough(sessions, clients);
        BallotBenchmark bench = new BallotBenchmark(stack);
        System.out.printf("stack up on free ports; %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(), loadAverage());
        bench.setUp(stack.dataDir(), sessions);
        bench.warmUp(clients);
        bench.growth();
        bench.oneSession("awards-service directly", bench.awardsUrl, 0);
        bench.oneSession("through the gateway", bench.gatewayUrl, ROUNDS);
        bench.province(sessions, clients, report);
        bench.guarantee(sessions, clients, report);
        bench.printTable();
        System.out.println("load average at the end " + loadAverage());
    }

    private static void requireEnough(int sessions, int clients) {
        if (sessions * UNITS_PER_CLUSTER < BLOCK_UNITS || clients < 1) {
            throw new IllegalArgumentException("bench-ballots needs at least " + BLOCK_UNITS / UNITS_PER_CLUSTER + " sessions and one client");
        }
    }

    // ---------------------------------------------------------------- set-up

    private void setUp(Path dataDir, int clusterCount) throws Exception {
        long begin = System.nanoTime();
        String board = board();
        StringBuilder csv = new StringBuilder("code,name,short_name,kind,administrative_area_code\n");
        List<List<String>> members = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            List<String> units = new ArrayList<>();
            for (int u = 1; u <= UNITS_PER_CLUSTER; u++) {
                String code = String.format("BV%02d.%02d.H56", c, u);
                units.add(code);
                csv.append(code).append(",Đơn vị đo bỏ phiếu ").append(c).append('.').append(u).append(",,OTHER,38\n");
            }
            members.add(units);
        }
        HttpResponse<String> imported = gateway.postBody("/api/units/import", board, "text/csv; charset=UTF-8",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        expect(imported, 200, "unit import");
        List<Long> ids = new ArrayList<>();
        for (int c = 0; c < clusterCount; c++) {
            HttpResponse<String> created = gateway.postJson("/api/clusters", board, Map.of("code", String.format("BV-%02d", c),
                    "name", "Cụm đo bỏ phiếu số " + c, "kind", "CLUSTER", "year", YEAR, "members", members.get(c)));
            expect(created, 201, "cluster " + c);
            long id = GatewayClient.read(created.body()).get("id").asLong();
            ids.add(id);
            clusters.add(new Cluster(id, members.get(c)));
        }
        List<String> blockMembers = members.stream().flatMap(List::stream).limit(BLOCK_UNITS).toList();
        HttpResponse<String> created = gateway.postJson("/api/clusters", board, Map.of("code", "BVK-01",
                "name", "Khối đo bỏ phiếu", "kind", "BLOCK", "year", YEAR, "members", blockMembers));
        expect(created, 201, "block");
        block = new Cluster(GatewayClient.read(created.body()).get("id").asLong(), blockMembers);
        awaitClustersInAwards(ids, (long) clusterCount * UNITS_PER_CLUSTER);
        awaitClustersInAwards(List.of(block.id()), BLOCK_UNITS);
        System.out.printf("cluster-years: %d units imported, %d clusters of %d and a block of %d created through units-service's API"
                        + " (through the gateway), delivered to awards-service by thidua.clusters.v1, in %.1f s%n", clusterCount * UNITS_PER_CLUSTER,
                clusterCount, UNITS_PER_CLUSTER, BLOCK_UNITS, (System.nanoTime() - begin) / 1e9);

        Map<String, Object> voting = new LinkedHashMap<>();
        voting.put("secret", true);
        voting.put("quorumPercent", 66.67);
        voting.put("thresholdPercent", 50);
        voting.put("strictlyAbove", true);
        voting.put("basis", "ALL_MEMBERS");
        voting.put("runoffAllowed", true);
        expect(gateway.putJson("/api/awards/award-types/" + AWARD, board, Map.of("name", "Cờ thi đua (đo hiệu năng)", "level", "PROVINCIAL",
                "decidingAuthority", "Chủ tịch UBND tỉnh")), 200, "award type");
        expect(gateway.postJson("/api/awards/award-types/" + AWARD + "/rule-sets", board, Map.of("legalBasis",
                "Luật Thi đua, khen thưởng số 06/2022/QH15", "legalBasisDate", "2022-06-15", "effectiveFrom", "2022-06-15",
                "eligibility", List.of(Map.of("kind", "LEADS_CLUSTER")), "voting", voting,
                "provincialChoices", List.of("voting.thresholdPercent"))), 201, "rule set");
        System.out.printf("award type %s and its rule set (secret vote) through awards-service's API (through the gateway)%n", AWARD);

        long signing = System.nanoTime();
        signUnitTokens(dataDir);
        System.out.printf("tokens: the Board's from the gateway (POST /auth/token, demo account 'board'); %d unit-rep tokens (claim unit)"
                + " signed by the benchmark with the stack's signing key (SigningKeys, as TestTokens does), key id from /auth/jwks, in %.1f s%n",
                tokens.size(), (System.nanoTime() - signing) / 1e9);
    }

    private void awaitClustersInAwards(List<Long> ids, long members) throws SQLException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        try (Connection connection = DriverManager.getConnection(jdbc, dbUser, dbPassword);
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM known_cluster_member WHERE cluster_id = ANY(?)")) {
            count.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            while (true) {
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) == members) {
                        return;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("awards-service did not learn the clusters within 5 minutes");
                }
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
            }
        }
    }

    /** Tokens in the gateway's shape (TokenIssuer), one per unit representative, valid for three hours. */
    private void signUnitTokens(Path dataDir) throws IOException, InterruptedException, GeneralSecurityException, JoseException {
        String pem = Files.readString(dataDir.resolve("keys").resolve("jwt-signing-key.pem"), StandardCharsets.US_ASCII);
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        HttpResponse<String> jwks = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/jwks")).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        String keyId = GatewayClient.read(jwks.body()).get("keys").get(0).get("kid").asText();
        for (Cluster cluster : clusters) {
            for (String unit : cluster.members()) {
                JwtClaims claims = new JwtClaims();
                claims.setIssuer("thidua-gateway");
                claims.setAudience("thidua");
                claims.setSubject("bench-rep-" + unit);
                claims.setStringListClaim("groups", "unit-rep");
                claims.setClaim("unit", unit);
                claims.setIssuedAtToNow();
                claims.setExpirationTimeMinutesInTheFuture(180);
                claims.setGeneratedJwtId();
                JsonWebSignature jws = new JsonWebSignature();
                jws.setPayload(claims.toJson());
                jws.setKey(key);
                jws.setKeyIdHeaderValue(keyId);
                jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
                tokens.put(unit, jws.getCompactSerialization());
            }
        }
    }

    /** The Board's token, fresh for each phase (the gateway's tokens live 15 minutes). */
    private String board() {
        return gateway.passwordToken("board", DemoData.PASSWORD);
    }

    private List<Session> openSessions(List<Cluster> of) {
        String board = board();
        List<Session> sessions = new ArrayList<>();
        for (Cluster cluster : of) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("clusterId", cluster.id());
            body.put("purpose", "LEAD_AND_PROPOSE");
            body.put("awardTypeCode", AWARD);
            body.put("nominees", cluster.nominees());
            body.put("places", 1);
            LocalDateTime now = LocalDateTime.now(VIETNAM).withNano(0); // local times, as the Board types them
            body.put("opensAt", now.minusMinutes(1).toString());
            body.put("closesAt", now.plusHours(3).toString());
            HttpResponse<String> created = gateway.postJson(SESSIONS, board, body);
            expect(created, 201, "voting session");
            UUID id = UUID.fromString(GatewayClient.read(created.body()).get("id").asText());
            expect(gateway.postJson(SESSIONS + "/" + id + "/open", board, Map.of()), 200, "opening session " + id);
            sessions.add(new Session(id, cluster));
        }
        return sessions;
    }

    // ---------------------------------------------------------------- scenarios

    /** Not counted: the JIT compiles the cast path and the pools fill, with a ballot from every unit. */
    private void warmUp(int clients) throws Exception {
        long begin = System.nanoTime();
        List<Attempt> attempts = castsOf(openSessions(clusters), 1);
        Collections.shuffle(attempts, new Random(1));
        runConcurrently(attempts, clients, awardsUrl).forEach(BallotBenchmark::expectCast);
        for (Session session : openSessions(clusters.subList(0, 2))) {
            runConcurrently(castsOf(List.of(session), 1), UNITS_PER_CLUSTER, gatewayUrl).forEach(BallotBenchmark::expectCast);
        }
        System.out.printf("warm-up (not counted): %d sessions × %d ballots directly, 2 × %d through the gateway, %.1f s%n", clusters.size(),
                UNITS_PER_CLUSTER, UNITS_PER_CLUSTER, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * One client, one session, ballot after ballot: what the k-th ballot costs when the box holds
     * k - 1. Five sessions of 30 members, then three of a block of {@value #BLOCK_UNITS}.
     */
    private void growth() throws Exception {
        List<Session> sessions = new ArrayList<>(openSessions(clusters.subList(0, 5)));
        Map<Integer, List<Long>> byPosition = sequential(sessions);
        report("0 sequential, 5 sessions of 30, ballots", byPosition, new int[][] {{1, 5}, {26, 30}});
        List<Session> big = openSessions(List.of(block, block, block));
        Map<Integer, List<Long>> inBlock = sequential(big);
        report("0 sequential, 3 sessions of a block of " + BLOCK_UNITS + ", ballots", inBlock,
                new int[][] {{1, 10}, {BLOCK_UNITS / 2 - 4, BLOCK_UNITS / 2 + 5}, {BLOCK_UNITS - 9, BLOCK_UNITS}});
        sessions.addAll(big);
        verify(sessions, List.of());
    }

    private Map<Integer, List<Long>> sequential(List<Session> sessions) throws Exception {
        Map<Integer, List<Long>> byPosition = new TreeMap<>();
        for (Session session : sessions) {
            int position = 1;
            for (String unit : session.cluster().members()) {
                Cast cast = cast(awardsUrl, session, unit, position);
                expectCast(cast);
                byPosition.computeIfAbsent(position++, p -> new ArrayList<>()).add(cast.nanos());
            }
        }
        return byPosition;
    }

    private void report(String what, Map<Integer, List<Long>> byPosition, int[][] ranges) {
        StringBuilder line = new StringBuilder(what.replaceFirst("^0 sequential, ", "sequential casts (one client), ").replace(", ballots", "") + ":");
        for (int[] range : ranges) {
            List<Long> nanos = new ArrayList<>();
            byPosition.forEach((position, samples) -> {
                if (position >= range[0] && position <= range[1]) {
                    nanos.addAll(samples);
                }
            });
            List<Long> s = sorted(nanos);
            line.append(String.format(" ballots %d-%d min %.1f ms, median %.1f ms;", range[0], range[1], s.get(0) / 1e6, at(s, 0.5)));
            row(what + " " + range[0] + "-" + range[1], "awards", nanos.size(), 0, nanos);
        }
        System.out.println(line.substring(0, line.length() - 1));
    }

    /** Scenario 1: a session's 30 voters released at once, {@value #ROUNDS} times on fresh sessions. */
    private void oneSession(String where, String baseUrl, int firstCluster) throws Exception {
        List<Long> latencies = new ArrayList<>();
        List<Long> walls = new ArrayList<>();
        List<Long> spans = new ArrayList<>();
        List<Session> all = new ArrayList<>();
        List<Cast> casts = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            Session session = openSessions(List.of(clusters.get((firstCluster + round) % clusters.size()))).get(0);
            all.add(session);
            List<Cast> done = releaseAtOnce(castsOf(List.of(session), 1), baseUrl);
            done.forEach(BallotBenchmark::expectCast);
            casts.addAll(done);
            long release = done.stream().mapToLong(Cast::start).min().orElseThrow();
            long firstAccepted = done.stream().mapToLong(Cast::end).min().orElseThrow();
            long lastAccepted = done.stream().mapToLong(Cast::end).max().orElseThrow();
            walls.add(lastAccepted - release);
            spans.add(lastAccepted - firstAccepted);
            done.forEach(cast -> latencies.add(cast.nanos()));
        }
        List<Long> sortedWalls = sorted(walls);
        System.out.printf("1. one session, %d voters at once, %s, %d rounds: release → last accepted ballot median %.0f ms (%.0f–%.0f),"
                        + " first → last accepted median %.0f ms, %.0f ballots/s; per cast %s%n", UNITS_PER_CLUSTER, where, ROUNDS,
                at(sortedWalls, 0.5), sortedWalls.get(0) / 1e6, sortedWalls.get(sortedWalls.size() - 1) / 1e6, at(sorted(spans), 0.5),
                UNITS_PER_CLUSTER / (at(sortedWalls, 0.5) / 1e3), percentiles(latencies));
        row("1 one session, 30 voters at once (median round)", where.startsWith("through") ? "gateway" : "awards", UNITS_PER_CLUSTER,
                (long) (at(sortedWalls, 0.5) * 1e6), latencies);
        verify(all, casts);
    }

    /** Scenario 2: every session open at once, every member votes once, {@code clients} requests at a time. */
    private void province(int sessionCount, int clients, BenchReport report) throws Exception {
        List<Session> sessions = openSessions(clusters.subList(0, sessionCount));
        List<Attempt> attempts = castsOf(sessions, 1);
        Collections.shuffle(attempts, new Random(2016));
        Map<String, Double> cpu = cpuSeconds();
        long begin = System.nanoTime();
        List<Cast> casts = runConcurrently(attempts, clients, awardsUrl);
        long wall = System.nanoTime() - begin;
        Map<String, Double> cpuAfter = cpuSeconds();
        casts.forEach(BallotBenchmark::expectCast);
        List<Long> latencies = casts.stream().map(Cast::nanos).toList();
        System.out.printf("2. %d sessions of %d open at once, %d voters, %d clients, awards-service directly: %d ballots in %.2f s ="
                        + " %.0f ballots/s; per cast %s%n", sessionCount, UNITS_PER_CLUSTER, attempts.size(), clients, casts.size(), wall / 1e9,
                casts.size() / (wall / 1e9), percentiles(latencies));
        printCpu(cpu, cpuAfter, wall, casts.size());
        row("2 " + sessionCount + " sessions × 30, " + clients + " clients", "awards", casts.size(), wall, latencies);
        verify(sessions, casts);
        report.add("ballots", String.format("sustained: %d sessions of %d open at once, %d clients, directly", sessionCount,
                UNITS_PER_CLUSTER, clients), String.format("%.0f ballots/s", casts.size() / (wall / 1e9)), "", "");
    }

    /** Scenario 3: as 2, but each unit sends its ballot {@value #ATTEMPTS_PER_UNIT} times at once. */
    private void guarantee(int sessionCount, int clients, BenchReport report) throws Exception {
        List<Session> sessions = openSessions(clusters.subList(0, sessionCount));
        List<Attempt> units = castsOf(sessions, 1);
        Collections.shuffle(units, new Random(2023));
        int lanes = Math.max(1, clients / ATTEMPTS_PER_UNIT);
        ExecutorService pool = Executors.newFixedThreadPool(lanes);
        List<Future<List<Cast>>> futures = new ArrayList<>();
        Map<String, Double> cpu = cpuSeconds();
        long begin = System.nanoTime();
        try {
            for (Attempt unit : units) {
                futures.add(pool.submit(() -> {
                    List<CompletableFuture<Cast>> racing = new ArrayList<>();
                    for (int i = 0; i < ATTEMPTS_PER_UNIT; i++) {
                        racing.add(castAsync(awardsUrl, unit.session(), unit.unit(), unit.candidate() + i));
                    }
                    return racing.stream().map(CompletableFuture::join).toList();
                }));
            }
            List<Cast> casts = new ArrayList<>();
            for (Future<List<Cast>> future : futures) {
                casts.addAll(future.get());
            }
            long wall = System.nanoTime() - begin;
            Map<String, Double> cpuAfter = cpuSeconds();
            Map<Integer, Integer> byStatus = new TreeMap<>();
            casts.forEach(cast -> byStatus.merge(cast.status(), 1, Integer::sum));
            List<Cast> accepted = casts.stream().filter(cast -> cast.status() == 201).toList();
            Map<String, Integer> acceptedPerUnit = new HashMap<>();
            accepted.forEach(cast -> acceptedPerUnit.merge(cast.session().id() + "/" + cast.unit(), 1, Integer::sum));
            long unitsWithOne = acceptedPerUnit.values().stream().filter(n -> n == 1).count();
            System.out.printf("3. %d sessions × %d units, each unit %d attempts at once (%d units at a time = %d requests in flight),"
                            + " awards-service directly: %d requests in %.2f s; answers %s; units with exactly one 201: %d of %d;"
                            + " accepted %.0f ballots/s; per request %s%n", sessionCount, UNITS_PER_CLUSTER, ATTEMPTS_PER_UNIT, lanes,
                    lanes * ATTEMPTS_PER_UNIT, casts.size(), wall / 1e9, byStatus, unitsWithOne, units.size(), accepted.size() / (wall / 1e9),
                    percentiles(casts.stream().map(Cast::nanos).toList()));
            printCpu(cpu, cpuAfter, wall, units.size());
            row("3 as 2, each unit ×" + ATTEMPTS_PER_UNIT + " at once (" + lanes * ATTEMPTS_PER_UNIT + " in flight)", "awards",
                    accepted.size(), wall, casts.stream().map(Cast::nanos).toList());
            boolean oneEach = byStatus.getOrDefault(201, 0) == units.size()
                    && byStatus.getOrDefault(409, 0) == units.size() * (ATTEMPTS_PER_UNIT - 1) && unitsWithOne == units.size();
            if (!oneEach) {
                System.out.println("   GUARANTEE BROKEN in the answers: expected " + units.size() + " × 201 and "
                        + units.size() * (ATTEMPTS_PER_UNIT - 1) + " × 409, one 201 per unit");
            }
            verify(sessions, accepted);
            // verify() throws on any break in the tables; the answers are judged here
            report.add("ballots", String.format("%d units each sending its ballot %d times at once", units.size(), ATTEMPTS_PER_UNIT),
                    String.format("%d × 201, %d × 409; %.0f accepted/s", byStatus.getOrDefault(201, 0), byStatus.getOrDefault(409, 0),
                            accepted.size() / (wall / 1e9)), "", "", "one ballot per unit", oneEach);
            closeAndCount(sessions);
        } finally {
            pool.shutdownNow();
        }
    }

    // ---------------------------------------------------------------- checks in the database

    /**
     * awards-service's own tables: per session, as many ballots as records of who voted, one
     * record per unit, and every accepted receipt in the box.
     */
    private void verify(List<Session> sessions, List<Cast> accepted) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbc, dbUser, dbPassword)) {
            Array ids = connection.createArrayOf("uuid", sessions.stream().map(session -> session.id().toString()).toArray());
            long ballots = count(connection, "SELECT count(*) FROM ballot WHERE session_id = ANY(?)", ids);
            long cast = count(connection, "SELECT count(*) FROM ballot_cast WHERE session_id = ANY(?)", ids);
            long distinct = count(connection, "SELECT count(DISTINCT (session_id, unit_code)) FROM ballot_cast WHERE session_id = ANY(?)", ids);
            long uneven = count(connection, """
                    SELECT count(*) FROM unnest(?) AS s(id)
                    WHERE (SELECT count(*) FROM ballot b WHERE b.session_id = s.id) <> (SELECT count(*) FROM ballot_cast c WHERE c.session_id = s.id)
                       OR (SELECT count(*) FROM ballot_cast c WHERE c.session_id = s.id) <> (SELECT count(*) FROM voting_voter v WHERE v.session_id = s.id)""",
                    ids);
            long roll = sessions.stream().mapToLong(session -> session.cluster().members().size()).sum();
            long receipts = accepted.isEmpty() ? 0 : count(connection, "SELECT count(*) FROM ballot WHERE session_id = ANY(?) AND receipt = ANY(?)",
                    ids, connection.createArrayOf("bpchar", accepted.stream().map(Cast::receipt).toArray()));
            boolean ok = ballots == cast && cast == distinct && uneven == 0 && cast == roll
                    && (accepted.isEmpty() || receipts == accepted.size());
            System.out.printf("   database (%d sessions, %d units on their rolls): %d ballot rows, %d ballot_cast rows (%d distinct session+unit),"
                            + " %d sessions without exactly one of each per unit on the roll%s — %s%n", sessions.size(), roll, ballots, cast, distinct, uneven,
                    accepted.isEmpty() ? "" : ", " + receipts + " of " + accepted.size() + " accepted receipts in the box",
                    ok ? "one ballot per unit" : "NOT one ballot per unit");
            if (!ok) {
                throw new IllegalStateException("The one-ballot-per-unit check failed");
            }
        }
    }

    private static long count(Connection connection, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The Board closes each session: the count must find every member's one ballot. */
    private void closeAndCount(List<Session> sessions) {
        String board = board();
        int right = 0;
        for (Session session : sessions) {
            HttpResponse<String> closed = gateway.postJson(SESSIONS + "/" + session.id() + "/close", board, Map.of());
            expect(closed, 200, "closing " + session.id());
            JsonNode result = GatewayClient.read(closed.body()).get("result");
            if (result.get("ballotsCast").asInt() == UNITS_PER_CLUSTER && result.get("electorate").asInt() == UNITS_PER_CLUSTER) {
                right++;
            }
        }
        System.out.printf("   closed by the Board: %d of %d counts say %d ballots cast of an electorate of %d%n", right, sessions.size(),
                UNITS_PER_CLUSTER, UNITS_PER_CLUSTER);
        if (right != sessions.size()) {
            throw new IllegalStateException("A count disagrees with one ballot per unit");
        }
    }

    // ---------------------------------------------------------------- HTTP

    /** A unit's ballot to cast: FOR one of the session's nominees. */
    private record Attempt(Session session, String unit, int candidate) {
    }

    private static List<Attempt> castsOf(List<Session> sessions, int times) {
        List<Attempt> attempts = new ArrayList<>();
        for (Session session : sessions) {
            List<String> members = session.cluster().members();
            for (int i = 0; i < members.size(); i++) {
                for (int t = 0; t < times; t++) {
                    attempts.add(new Attempt(session, members.get(i), i));
                }
            }
        }
        return attempts;
    }

    private List<Cast> runConcurrently(List<Attempt> attempts, int clients, String baseUrl) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Cast>> futures = new ArrayList<>();
            for (Attempt attempt : attempts) {
                futures.add(pool.submit(() -> cast(baseUrl, attempt.session(), attempt.unit(), attempt.candidate())));
            }
            List<Cast> casts = new ArrayList<>();
            for (Future<Cast> future : futures) {
                casts.add(future.get());
            }
            return casts;
        } finally {
            pool.shutdownNow();
        }
    }

    /** One thread per attempt, all released by one latch. */
    private List<Cast> releaseAtOnce(List<Attempt> attempts, String baseUrl) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(attempts.size());
        CountDownLatch ready = new CountDownLatch(attempts.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Cast>> futures = new ArrayList<>();
            for (Attempt attempt : attempts) {
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return cast(baseUrl, attempt.session(), attempt.unit(), attempt.candidate());
                }));
            }
            ready.await();
            go.countDown();
            List<Cast> casts = new ArrayList<>();
            for (Future<Cast> future : futures) {
                casts.add(future.get());
            }
            return casts;
        } finally {
            pool.shutdownNow();
        }
    }

    private HttpRequest castRequest(String baseUrl, Session session, String unit, int candidate) {
        String nominee = session.cluster().nominees().get(Math.floorMod(candidate, NOMINEES));
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("choices", Map.of("LEAD", Map.of(nominee, "FOR"))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HttpRequest.newBuilder(URI.create(baseUrl + SESSIONS + "/" + session.id() + "/ballots"))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + tokens.get(unit))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    private Cast cast(String baseUrl, Session session, String unit, int candidate) throws IOException, InterruptedException {
        HttpRequest request = castRequest(baseUrl, session, unit, candidate);
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return toCast(session, unit, start, response);
    }

    private CompletableFuture<Cast> castAsync(String baseUrl, Session session, String unit, int candidate) {
        HttpRequest request = castRequest(baseUrl, session, unit, candidate);
        long start = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                .thenApply(response -> toCast(session, unit, start, response));
    }

    private static Cast toCast(Session session, String unit, long start, HttpResponse<String> response) {
        long end = System.nanoTime();
        String receipt = response.statusCode() == 201 ? GatewayClient.read(response.body()).get("receipt").asText() : null;
        if (response.statusCode() != 201 && response.statusCode() != 409) {
            System.out.printf("   unexpected answer for %s in %s: %d %s%n", unit, session.id(), response.statusCode(), response.body());
        }
        return new Cast(session, unit, response.statusCode(), receipt, start, end);
    }

    private static void expectCast(Cast cast) {
        if (cast.status() != 201) {
            throw new IllegalStateException("Ballot of " + cast.unit() + " in " + cast.session().id() + " refused: " + cast.status());
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException("Set-up refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
    }

    // ---------------------------------------------------------------- where the CPU goes

    /**
     * CPU seconds so far of each service JVM, of this stack's PostgreSQL (its postmaster and every
     * child: backends, writers), of this JVM (the clients) and of the whole machine (/proc/stat),
     * which on a shared machine includes others' work.
     */
    private Map<String, Double> cpuSeconds() throws SQLException {
        Map<String, Double> cpu = new LinkedHashMap<>();
        pids.forEach((name, pid) -> cpu.put(name, cpuOf(ProcessHandle.of(pid))));
        ProcessHandle postmaster;
        try (Connection connection = DriverManager.getConnection(jdbc, dbUser, dbPassword);
             ResultSet rs = connection.createStatement().executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            // while the connection is open: its backend process ends with it
            postmaster = ProcessHandle.of(rs.getLong(1)).flatMap(ProcessHandle::parent).orElse(null);
        }
        cpu.put("postgres", postmaster == null ? Double.NaN
                : cpuOf(Optional.of(postmaster)) + postmaster.descendants().mapToDouble(h -> cpuOf(Optional.of(h))).sum());
        cpu.put("benchmark", cpuOf(Optional.of(ProcessHandle.current())));
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i : new int[] {1, 2, 3, 6, 7, 8}) { // user nice system irq softirq steal
                busy += Long.parseLong(fields[i]);
            }
            cpu.put("machine", busy / 100.0); // USER_HZ
        } catch (IOException | RuntimeException notLinux) {
            cpu.put("machine", Double.NaN);
        }
        return cpu;
    }

    private static double cpuOf(Optional<ProcessHandle> process) {
        return process.flatMap(p -> p.info().totalCpuDuration()).map(d -> d.toNanos() / 1e9).orElse(0.0);
    }

    private static void printCpu(Map<String, Double> before, Map<String, Double> after, long wallNanos, int ballots) {
        StringBuilder line = new StringBuilder(String.format("   CPU in %.2f s on %d cores (ms per ballot):", wallNanos / 1e9,
                Runtime.getRuntime().availableProcessors()));
        double ours = 0;
        for (String name : after.keySet()) {
            double used = after.get(name) - before.get(name);
            if (!name.equals("machine")) {
                ours += used;
                line.append(String.format(" %s %.1f s (%.2f),", name, used, used * 1e3 / ballots));
            } else {
                line.append(String.format(" whole machine %.1f s, of which others' processes %.1f s", used, used - ours));
            }
        }
        System.out.println(line);
    }

    // ---------------------------------------------------------------- figures

    private void row(String scenario, String where, int ballots, long wallNanos, List<Long> latencies) {
        List<Long> s = sorted(latencies);
        table.add(new String[] {scenario, where, Integer.toString(ballots), wallNanos == 0 ? "" : String.format("%.2f s", wallNanos / 1e9),
            wallNanos == 0 ? "" : String.format("%.0f", ballots / (wallNanos / 1e9)), String.format("%.1f", s.get(0) / 1e6),
            String.format("%.1f", at(s, 0.5)), String.format("%.1f", at(s, 0.95)), String.format("%.1f", at(s, 0.99)),
            String.format("%.1f", s.get(s.size() - 1) / 1e6)});
    }

    private void printTable() {
        String[] header = {"scenario", "to", "ballots", "wall", "ballots/s", "min ms", "median", "p95", "p99", "max"};
        int[] widths = new int[header.length];
        List<String[]> rows = new ArrayList<>();
        rows.add(header);
        rows.addAll(table);
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        System.out.println();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i < 2 ? String.format("%-" + widths[i] + "s", row[i]) : String.format("%" + widths[i] + "s", row[i]));
                line.append(i == row.length - 1 ? "" : "  ");
            }
            System.out.println(line);
        }
        System.out.println("(latencies are per request, as the client sees them; wall of scenario 1 is release → last accepted ballot)");
    }

    private static String percentiles(List<Long> nanos) {
        List<Long> s = sorted(nanos);
        return String.format("min %.1f ms, median %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms (%d requests)", s.get(0) / 1e6,
                at(s, 0.5), at(s, 0.95), at(s, 0.99), s.get(s.size() - 1) / 1e6, s.size());
    }

    private static List<Long> sorted(List<Long> values) {
        List<Long> copy = new ArrayList<>(values);
        Collections.sort(copy);
        return copy;
    }

    /** The quantile of sorted nanoseconds, in milliseconds. */
    private static double at(List<Long> sortedNanos, double quantile) {
        return BenchReport.nearestRank(sortedNanos, quantile) / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

}
