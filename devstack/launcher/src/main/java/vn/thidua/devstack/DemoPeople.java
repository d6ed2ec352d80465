package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * The people of cluster 7's units in 2025 (issue 22), entered as the units would: each unit's
 * representative imports a CSV of its people with their 2025 results through {@code POST /api/people/import}.
 * Every name is made up and marked "(giả định)"; the personnel codes start with {@code DEMO-}. The two
 * candidates for the Excellent Labour Collective get exactly the figures of {@link Review2025#CANDIDATES},
 * so that their member statistics are counted from people, not declared: the Women's Union's 48 people
 * (45 women, 36 "Lao động tiên tiến", 3 "Chiến sĩ thi đua cơ sở") and the Youth Union's 40 (27 "Lao động
 * tiên tiến": 67.5 %, under the 70 % of Decree 152). The other units get six people each. Two initiatives
 * are registered and recognised: one by the Women's Union's grassroots council and, on its provincial
 * effect, by the province's (recorded by the Board); one by the Labour Federation's grassroots council.
 */
final class DemoPeople {
    static final int YEAR = Review2025.YEAR;
    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Phan", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] WOMEN = {"Thị Lan", "Thị Hoa", "Thu Hương", "Thị Mai", "Ngọc Anh", "Thu Trang", "Phương Thảo", "Thùy Linh",
            "Thu Hà", "Hải Yến", "Thị Hằng", "Minh Nguyệt"};
    private static final String[] MEN = {"Văn Hùng", "Đức Dũng", "Hoài Nam", "Văn Sơn", "Minh Tuấn", "Thành Long", "Văn Hải", "Mạnh Cường",
            "Quang Phong", "Đình Thắng"};
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** A person of the demo as its unit's file has it. */
    record Person(String personnelCode, String fullName, boolean woman, int birthYear, String position, String rating, List<String> titles) {
    }

    private DemoPeople() {
    }

    /** The unit's people: {@code figures} decide how many, how many women and who holds which title. */
    static List<Person> of(int unitIndex, Review2025.Members figures) {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < figures.members(); i++) {
            boolean woman = i < figures.women();
            // titles go round the list so that women and men both hold them
            int rank = (i * 7) % figures.members();
            List<String> titles = new ArrayList<>();
            if (rank < figures.advancedLabour()) {
                titles.add("LAO_DONG_TIEN_TIEN");
            }
            if (rank < figures.grassrootsFighters()) {
                titles.add("CHIEN_SI_THI_DUA_CO_SO");
            }
            String rating = rank < figures.grassrootsFighters() ? "EXCELLENT" : rank < figures.advancedLabour() ? "GOOD" : "COMPLETED";
            String name = FAMILY[(i + unitIndex * 3) % FAMILY.length] + " " + (woman ? WOMEN[(i * 5 + unitIndex) % WOMEN.length]
                    : MEN[(i * 3 + unitIndex) % MEN.length]) + " (giả định)";
            String position = i == 0 ? "Chủ tịch" : i < 3 ? "Phó Chủ tịch" : i % 5 == 0 ? "Trưởng ban" : "Chuyên viên";
            people.add(new Person(String.format("DEMO-%d%03d", unitIndex + 1, i + 1), name, woman, 1970 + (i * 13 + unitIndex) % 30,
                    position, rating, titles));
        }
        return people;
    }

    /** The figures of a unit that is not a candidate: six people, all completing, four "Lao động tiên tiến". */
    static Review2025.Members ordinary() {
        return new Review2025.Members(6, 6, 4, 0, 0, 3);
    }

    /** Imports every cluster-7 unit's people through the gateway, as its representative; returns each unit's people. */
    static Map<String, List<Person>> load(GatewayClient gateway, Map<String, String> tokens) {
        Map<String, List<Person>> all = new LinkedHashMap<>();
        for (int u = 0; u < DemoData.CLUSTER_7_UNITS.size(); u++) {
            String unit = DemoData.CLUSTER_7_UNITS.get(u).code();
            List<Person> people = of(u, Review2025.CANDIDATES.getOrDefault(unit, ordinary()));
            StringBuilder csv = new StringBuilder("unitCode,personnelCode,fullName,gender,birthYear,position,joinedOn,year,taskRating,titles,discipline\n");
            for (Person p : people) {
                csv.append(String.join(",", unit, p.personnelCode(), p.fullName(), p.woman() ? "FEMALE" : "MALE", Integer.toString(p.birthYear()),
                        p.position(), "2018-01-0" + (1 + people.indexOf(p) % 9), Integer.toString(YEAR), p.rating(), String.join(";", p.titles()),
                        "NONE")).append('\n');
            }
            JsonNode report = GatewayClient.read(expect(gateway.postBody("/api/people/import", tokens.get(unit), "text/csv; charset=UTF-8",
                    csv.toString().getBytes(StandardCharsets.UTF_8)), "the people of " + unit).body());
            if (report.at("/counts/REJECTED").asLong() != 0) {
                throw new IllegalStateException("Rows of the people of " + unit + " were refused: " + report);
            }
            all.put(unit, people);
        }
        System.out.printf("People   %d people of the %d units of %s imported by their representatives (made-up names, marked \"(giả định)\")%n",
                all.values().stream().mapToInt(List::size).sum(), all.size(), DemoData.CLUSTER_7);
        return all;
    }

    /** The id units-service gave a person of the unit, found by its personnel code. */
    static String idOf(GatewayClient gateway, String token, String unit, String personnelCode) {
        JsonNode page = GatewayClient.read(expect(gateway.get("/api/units/" + unit + "/people?size=200", token), "the people of " + unit).body());
        for (JsonNode person : page.get("items")) {
            if (personnelCode.equals(person.path("personnelCode").asText())) {
                return person.get("id").asText();
            }
        }
        throw new IllegalStateException("No person " + personnelCode + " in " + unit);
    }

    /** Registers an initiative of the unit's person and records its recognitions; returns its id. */
    static String initiative(GatewayClient gateway, String rep, String board, String unit, String authorId, String title, String registeredOn,
                             List<Map<String, Object>> recognitions) {
        JsonNode initiative = GatewayClient.read(expect(gateway.postJson("/api/initiatives", rep, Map.of("unitCode", unit, "title", title,
                "registeredOn", registeredOn, "authors", List.of(authorId))), "the initiative " + title).body());
        String id = initiative.get("id").asText();
        for (Map<String, Object> recognition : recognitions) {
            String token = "GRASSROOTS".equals(recognition.get("level")) ? rep : board;
            expect(gateway.postJson("/api/initiatives/" + id + "/recognitions", token, recognition), "a recognition of " + title);
        }
        System.out.printf("Initiative  \"%s\" of %s, recognised at %s%n", title, unit,
                String.join(", ", recognitions.stream().map(r -> r.get("level") + " (" + r.get("decisionNumber") + ")").toList()));
        return id;
    }

    /** Waits until scoring-service holds the statistics counted from the unit's people for the year; returns the registration. */
    static HttpResponse<String> awaitCounted(GatewayClient gateway, String board, String unit, int members) {
        String path = "/api/scoring/registrations/" + YEAR + "/" + unit;
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            HttpResponse<String> registration = expect(gateway.get(path, board), "the registration of " + unit);
            JsonNode statistics = GatewayClient.read(registration.body()).path("memberStatistics");
            if ("COUNTED".equals(statistics.path("source").asText()) && statistics.path("members").asInt() == members) {
                return registration;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("scoring-service did not receive the statistics counted from the people of " + unit + ": "
                        + registration.body());
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo people refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }
}
