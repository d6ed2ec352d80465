package vn.thidua.devstack;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Ranking at province scale: starts a private stack on free ports, fills scoring-service's
 * database with {@code clusters} closed criteria sets of 30 units × 60 criteria × 3 stages (self,
 * 29 peers, board: 930 submitted sheets and 55,800 scores a cluster), then times
 * {@code GET .../ranking} for one cluster and for all clusters at once, both computed afresh and
 * read again (scoring-service keeps a closed set's ranking until its sheets change), each beside the time
 * PostgreSQL itself needs for the underlying aggregate over the scores (the baseline) in the same
 * run, and prints ranking / baseline.
 */
final class RankingBenchmark {
    private static final int UNITS = 30;
    private static final int CRITERIA_PER_GROUP = 15;
    private static final long FIRST_CLUSTER = 800_001;
    private static final int PROVINCE_CONCURRENCY = 4;

    static void run(Path root, int clusters, int samples, BenchReport report) throws Exception {
        try (LocalStack stack = LocalStack.startPrivate(root, "bench-ranking", List.of())) {
            run(root, stack, clusters, samples, report);
        }
    }

    /** On a stack of the caller's: its own clusters (ids from {@value #FIRST_CLUSTER}) beside whatever the stack holds. */
    static void run(Path root, LocalStack stack, int clusters, int samples, BenchReport report) throws Exception {
        {
            String jdbc = stack.postgres().jdbcUrl("thidua_scoring");
            long start = System.nanoTime();
            List<Long> setIds = generate(root, jdbc, stack.postgres().user(), stack.postgres().password(), clusters);
            System.out.printf("generated %d clusters × %d units × %d criteria × 3 stages in %d s%n", clusters, UNITS,
                    4 * CRITERIA_PER_GROUP, Duration.ofNanos(System.nanoTime() - start).toSeconds());

            GatewayClient scoring = new GatewayClient(stack.serviceUrl("scoring"));
            String board = new GatewayClient(stack.gatewayUrl()).passwordToken("board", DemoData.PASSWORD);
            for (int i = 0; i < Math.min(samples, 20); i++) {
                scoring.get("/api/scoring/criteria-sets/" + setIds.get(i % setIds.size()) + "/ranking", board);
            }
            try (Connection touch = DriverManager.getConnection(jdbc, stack.postgres().user(), stack.postgres().password());
                 Connection aggregate = DriverManager.getConnection(jdbc, stack.postgres().user(), stack.postgres().password());
                 Statement statement = aggregate.createStatement()) {
                // each sample: the ranking computed (the set's sheets changed since it was last read), the same
                // ranking read again (kept by scoring-service, the set being closed), the baseline aggregate
                List<Long> computed = new ArrayList<>();
                List<Long> kept = new ArrayList<>();
                List<Long> sql = new ArrayList<>();
                for (int i = 0; i < samples; i++) {
                    long setId = setIds.get(i % setIds.size());
                    touchSheets(touch, List.of(setId));
                    computed.add(timedRanking(scoring, board, setId));
                    kept.add(timedRanking(scoring, board, setId));
                    long t = System.nanoTime();
                    statement.executeQuery(baselineSql(setId)).close();
                    sql.add(System.nanoTime() - t);
                }
                double oneComputed = printMedian("ranking of one cluster (30 units × 60 criteria × 3 stages), GET through HTTP, computed", computed);
                double oneKept = printMedian("the same ranking read again (closed set, unchanged: kept)", kept);
                double oneBaseline = printMedian("baseline: PostgreSQL's own per-unit aggregate of one cluster's scores (plain SQL, no final rule)", sql);
                System.out.printf("one cluster: ranking / baseline = %.2f computed, %.2f kept (medians)%n",
                        oneComputed / oneBaseline, oneKept / oneBaseline);
                String baseline = BenchReport.millis(oneBaseline) + " PostgreSQL aggregate";
                report.add("ranking", "one cluster, computed, median", BenchReport.millis(oneComputed), baseline,
                        BenchReport.ratio(oneComputed / oneBaseline), "≤ 20 ms", oneComputed <= 20);
                report.add("ranking", "one cluster, closed set read again (kept), median", BenchReport.millis(oneKept), baseline,
                        BenchReport.ratio(oneKept / oneBaseline), "≤ 20 ms", oneKept <= 20);
            }

            int rounds = Math.max(3, samples / 10);
            List<Long> province = new ArrayList<>();
            List<Long> provinceKept = new ArrayList<>();
            List<Long> provinceSql = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(PROVINCE_CONCURRENCY);
            List<Connection> connections = new ArrayList<>();
            try {
                for (int i = 0; i < PROVINCE_CONCURRENCY; i++) {
                    connections.add(DriverManager.getConnection(jdbc, stack.postgres().user(), stack.postgres().password()));
                }
                BlockingQueue<Connection> idle = new LinkedBlockingQueue<>(connections);
                // rounds of the API and of the baseline alternate, so that both see the same load on the machine
                for (int round = 0; round < rounds; round++) {
                    touchSheets(connections.get(0), setIds);
                    province.add(timedProvince(pool, scoring, board, setIds));
                    provinceKept.add(timedProvince(pool, scoring, board, setIds));

                    long t = System.nanoTime();
                    List<Future<?>> aggregates = new ArrayList<>();
                    for (long setId : setIds) {
                        aggregates.add(pool.submit(() -> {
                            Connection connection = idle.take();
                            try (Statement statement = connection.createStatement()) {
                                statement.executeQuery(baselineSql(setId)).close();
                            } finally {
                                idle.put(connection);
                            }
                            return null;
                        }));
                    }
                    for (Future<?> future : aggregates) {
                        future.get();
                    }
                    provinceSql.add(System.nanoTime() - t);
                }
            } finally {
                pool.shutdownNow();
                for (Connection connection : connections) {
                    connection.close();
                }
            }
            double provinceMedian = printMedian("rankings of all " + clusters + " clusters of the province (" + PROVINCE_CONCURRENCY
                    + " concurrent requests), computed", province);
            double provinceKeptMedian = printMedian("the same read again (kept)", provinceKept);
            double provinceBaseline = printMedian("baseline: the same aggregate for all " + clusters + " clusters (" + PROVINCE_CONCURRENCY
                    + " concurrent connections)", provinceSql);
            System.out.printf("province: rankings / baseline = %.2f computed, %.2f kept (medians)%n",
                    provinceMedian / provinceBaseline, provinceKeptMedian / provinceBaseline);
            String baseline = BenchReport.millis(provinceBaseline) + " PostgreSQL aggregate";
            report.add("ranking", "province (" + clusters + " clusters), computed, median", BenchReport.millis(provinceMedian), baseline,
                    BenchReport.ratio(provinceMedian / provinceBaseline), "≤ 500 ms", provinceMedian <= 500);
            report.add("ranking", "province (" + clusters + " clusters), kept, median", BenchReport.millis(provinceKeptMedian), baseline,
                    BenchReport.ratio(provinceKeptMedian / provinceBaseline), "≤ 500 ms", provinceKeptMedian <= 500);
        }
    }

    private static final String MIGRATIONS = "scoring-service/src/main/resources/db/migration";
    private static final List<String> SUMMARY_MIGRATIONS = List.of("V9__criterion_stage_summary.sql", "V10__unit_group_points.sql");

    /**
     * The statement of a migration that fills its new table from what was there before it, leaving
     * alone the rows scoring-service keeps itself for the sets it scored (a stack with the demo's).
     */
    private static String backfillOf(Path migration) throws IOException {
        String text = Files.readString(migration);
        int insert = text.indexOf("\nINSERT INTO ");
        if (insert < 0) {
            throw new IllegalStateException(migration + " has no INSERT to fill its table");
        }
        String statement = text.substring(insert + 1).strip();
        return statement.substring(0, statement.length() - (statement.endsWith(";") ? 1 : 0)) + " ON CONFLICT DO NOTHING";
    }

    private static List<Long> generate(Path root, String jdbc, String user, String password, int clusters) throws SQLException, IOException {
        List<Long> setIds = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbc, user, password); Statement sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            for (int c = 0; c < clusters; c++) {
                long clusterId = FIRST_CLUSTER + c;
                sql.execute("INSERT INTO known_cluster (id, code, name, kind, year, version, updated_at) VALUES (" + clusterId
                        + ", 'B-" + c + "', 'Cụm đo hiệu năng " + c + "', 'CLUSTER', 2016, 0, now())");
                sql.execute("INSERT INTO known_cluster_member (cluster_id, unit_code) SELECT " + clusterId
                        + ", 'R" + c + ".' || u FROM generate_series(1, " + UNITS + ") u");
                var rs = sql.executeQuery("""
                        INSERT INTO criteria_set (cluster_id, title, scale, bonus_cap, status, peer_enabled, peer_trim_extremes,
                            board_reviewer, bands, tie_breaks, version, created_at, updated_at)
                        VALUES (%d, 'Bảng đo hiệu năng', 1000, 50, 'CLOSED', true, true, 'BOARD',
                            '[{"label":"Xuất sắc","minTotal":900},{"label":"Tốt","minTotal":750}]', '["GROUP_FIRST","FEWER_PENALTIES"]',
                            0, now(), now()) RETURNING id""".formatted(clusterId));
                rs.next();
                long setId = rs.getLong(1);
                setIds.add(setId);
                sql.execute("INSERT INTO criteria_group (set_id, position, code, title, max_points) SELECT " + setId
                        + ", g, 'G' || g, 'Nhóm ' || g, 250 FROM generate_series(1, 4) g");
                sql.execute("""
                        INSERT INTO criterion (group_id, position, code, title, kind, max_points, evidence_required)
                        SELECT g.id, k, g.code || '.' || k, 'Tiêu chí ' || k,
                               CASE WHEN g.position = 4 AND k = 14 THEN 'BONUS' WHEN g.position = 4 AND k = 15 THEN 'PENALTY' ELSE 'STANDARD' END,
                               16, false
                        FROM criteria_group g CROSS JOIN generate_series(1, %d) k WHERE g.set_id = %d""".formatted(CRITERIA_PER_GROUP, setId));
                sql.execute("""
                        INSERT INTO score_sheet (set_id, stage, unit_code, scorer_code, status, submitted_at, submitted_by, version)
                        SELECT %1$d, 'SELF', m.unit_code, m.unit_code, 'SUBMITTED', now(), 'bench', 1 FROM known_cluster_member m WHERE m.cluster_id = %2$d
                        UNION ALL
                        SELECT %1$d, 'BOARD', m.unit_code, NULL, 'SUBMITTED', now(), 'bench', 1 FROM known_cluster_member m WHERE m.cluster_id = %2$d
                        UNION ALL
                        SELECT %1$d, 'PEER', t.unit_code, s.unit_code, 'SUBMITTED', now(), 'bench', 1
                        FROM known_cluster_member t JOIN known_cluster_member s ON s.cluster_id = t.cluster_id AND s.unit_code <> t.unit_code
                        WHERE t.cluster_id = %2$d""".formatted(setId, clusterId));
                sql.execute("""
                        INSERT INTO score (sheet_id, criterion_id, points, evidence, updated_by, updated_at)
                        SELECT sh.id, c.id, round((random() * 16)::numeric, 2), '[]', 'bench', now()
                        FROM score_sheet sh
                        JOIN criteria_group g ON g.set_id = sh.set_id
                        JOIN criterion c ON c.group_id = g.id
                        WHERE sh.set_id = %d""".formatted(setId));
                connection.commit();
            }
            // the sheets went in as submitted without passing through submit: their summaries as
            // scoring-service's migrations build them for sheets that were there before them
            for (String migration : SUMMARY_MIGRATIONS) {
                sql.execute(backfillOf(root.resolve(MIGRATIONS).resolve(migration)));
                connection.commit();
            }
            // as a database that has settled: statistics, hint bits and visibility map in place
            connection.setAutoCommit(true);
            sql.execute("VACUUM ANALYZE");
        }
        return setIds;
    }

    /**
     * Makes scoring-service compute these sets' rankings afresh at their next reading: a closed
     * set's ranking is kept until its sheets change, which the sheets' versions tell (as a score,
     * a submit or a reopen would raise them).
     */
    private static void touchSheets(Connection connection, List<Long> setIds) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (long setId : setIds) {
                statement.addBatch("UPDATE score_sheet SET version = version + 1 WHERE id = (SELECT min(id) FROM score_sheet WHERE set_id = "
                        + setId + ")");
            }
            statement.executeBatch();
        }
    }

    private static long timedRanking(GatewayClient scoring, String board, long setId) {
        long t = System.nanoTime();
        HttpResponse<String> response = scoring.get("/api/scoring/criteria-sets/" + setId + "/ranking", board);
        long elapsed = System.nanoTime() - t;
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.statusCode() + " " + response.body());
        }
        return elapsed;
    }

    private static long timedProvince(ExecutorService pool, GatewayClient scoring, String board, List<Long> setIds) throws Exception {
        long t = System.nanoTime();
        List<Future<Long>> all = new ArrayList<>();
        for (long setId : setIds) {
            all.add(pool.submit(() -> timedRanking(scoring, board, setId)));
        }
        for (Future<Long> future : all) {
            future.get();
        }
        return System.nanoTime() - t;
    }

    /** What PostgreSQL alone needs: the submitted points of one set summed per unit, nothing else. */
    private static String baselineSql(long setId) {
        return "SELECT s.unit_code, sum(sc.points) FROM score_sheet s JOIN score sc ON sc.sheet_id = s.id WHERE s.set_id = " + setId
                + " AND s.status = 'SUBMITTED' GROUP BY s.unit_code";
    }

    /** Prints the figures and answers the median in milliseconds. */
    private static double printMedian(String what, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s, %d samples: min %.1f ms, median %.1f ms, p95 %.1f ms, max %.1f ms%n", what, sorted.size(),
                sorted.get(0) / 1e6, sorted.get(sorted.size() / 2) / 1e6,
                BenchReport.nearestRank(sorted, 0.95) / 1e6, sorted.get(sorted.size() - 1) / 1e6);
        return sorted.get(sorted.size() / 2) / 1e6;
    }


    private RankingBenchmark() {
    }
}
