package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import vn.thidua.devstack.portal.FakeNationalSystem;
import vn.thidua.devstack.portal.FakePortal;

/**
 * The province's part of the seed story (docs/process.md): the cluster's vote is an input to the provincial Council,
 * not the end of the road. The province's other clusters and blocks of 2016 (ILLUSTRATIVE, {@link DemoData#OTHER_CLUSTERS_2016})
 * give the Government-flag quota its base, so the Labour Federation fits in it and a second candidate is refused with the
 * numbers; the Council (ILLUSTRATIVE members, {@link DemoData#COUNCIL_2016}) reviews both of the Federation's flags by a
 * secret ballot and publishes its minutes; the Chairman decides the provincial flag and submits the Government flag to
 * the Prime Minister, whose national system (the fake portal's) returns the first submission with a reason and accepts
 * the second, then decides. Every number, date and name of a document here is the demo's own, marked DEMO.
 */
final class SeedStoryProvince {
    static final int YEAR = 2016;
    static final String COUNCIL_HELD_ON = "2017-01-10";
    static final String SUBMISSION_RETURNED = "DEMO-03/TTr-UBND";
    static final String SUBMISSION_ACCEPTED = "DEMO-04/TTr-UBND";
    static final String PM_DECISION = "DEMO-05/QĐ-TTg";
    static final String RETURN_REASON = "Báo cáo thành tích chưa có xác nhận của cấp trình (minh họa)";
    static final String CHAIRMAN = "Chủ tịch UBND tỉnh (minh họa)";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private SeedStoryProvince() {
    }

    /** The Council of 2016–2021 as the demo has it: its term id and each member's id by login. */
    record Council(long termId, Map<String, String> memberIds) {
    }

    /**
     * The illustrative clusters and blocks of 2016 with their members and recorded emulation leaders, and the Board's count
     * of leaders outside the system: the base of the 2016 Government-flag quota, beside cluster 7's own vote.
     */
    static Map<String, Long> otherClustersOf2016(GatewayClient gateway, String board) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (DemoData.OtherClusterYear cluster : DemoData.OTHER_CLUSTERS_2016) {
            for (DemoData.DemoUnit unit : cluster.members()) {
                expect(gateway.postJson("/api/units", board, Map.of("code", unit.code(), "name", unit.name(), "kind",
                        cluster.kind().equals("BLOCK") ? "DEPARTMENT" : unit.name().startsWith("Huyện") ? "DISTRICT" : "DEPARTMENT",
                        "administrativeAreaCode", "38")), "unit " + unit.code());
            }
            HttpResponse<String> created = expect(gateway.postJson("/api/clusters", board, Map.of("code", cluster.code(), "name", cluster.name(),
                    "kind", cluster.kind(), "year", YEAR, "members", cluster.members().stream().map(DemoData.DemoUnit::code).toList())),
                    "cluster " + cluster.code());
            String id = read(created).get("id").asText();
            ids.put(cluster.code(), Long.parseLong(id));
            String etag = created.headers().firstValue("ETag").orElse("\"0\"");
            expect(gateway.putJson("/api/clusters/" + id + "/emulation-leaders", board, Map.of("unitCodes", List.of(cluster.emulationLeader()),
                    "reference", DemoData.ILLUSTRATIVE_MINUTES), etag), "emulation leader of " + cluster.code());
        }
        expect(gateway.putJson("/api/awards/quota-base/" + YEAR + "/leaders-outside", board, Map.of("count", DemoData.LEADERS_OUTSIDE_2016,
                "note", "Các khối doanh nghiệp chấm điểm trên giấy (minh họa)")), "leaders outside the system in " + YEAR);
        System.out.printf("Clusters 2016 (illustrative): %d more cluster-years with a recorded emulation leader, %d leaders counted outside the"
                + " system%n", DemoData.OTHER_CLUSTERS_2016.size(), DemoData.LEADERS_OUTSIDE_2016);
        return ids;
    }

    /** The Council's term, its members and their accounts (role council-member, bound to the member by the token's claim). */
    static Council council(GatewayClient gateway, String board, String admin) {
        long term = read(expect(gateway.postJson("/api/awards/council-terms", board, Map.of(
                "name", "Hội đồng Thi đua - Khen thưởng tỉnh Thanh Hóa nhiệm kỳ 2016–2021 (minh họa)", "servesFrom", "2016-07-01",
                "servesTo", "2021-06-30", "decisionNumber", "Quyết định số DEMO-02/QĐ-UBND", "decisionDate", "2016-07-01")), "the Council's term"))
                .get("id").asLong();
        Map<String, String> ids = new LinkedHashMap<>();
        for (DemoData.CouncilMember member : DemoData.COUNCIL_2016) {
            String id = read(expect(gateway.postJson("/api/awards/council-terms/" + term + "/members", board, Map.of("fullName", member.fullName(),
                    "position", member.position(), "role", member.role())), "Council member " + member.login())).get("id").asText();
            ids.put(member.login(), id);
            Map<String, Object> account = new LinkedHashMap<>();
            account.put("login", member.login());
            account.put("displayName", member.fullName());
            account.put("kind", "USER");
            account.put("roles", List.of("council-member"));
            account.put("member", id);
            account.put("password", DemoData.COUNCIL_PASSWORD);
            expect(gateway.postJson("/admin/accounts", admin, account), "account of " + member.login());
        }
        System.out.printf("Council 2016–2021 (illustrative): term %d, %d members with accounts %s (password '%s')%n", term, ids.size(),
                String.join(", ", ids.keySet()), DemoData.COUNCIL_PASSWORD);
        return new Council(term, ids);
    }

    /** The leader of an illustrative cluster proposed for the Government flag too: the quota refuses it, saying the numbers. */
    static void secondGovernmentFlagCandidate(GatewayClient gateway, String board, Map<String, Long> otherClusters) {
        DemoData.OtherClusterYear cluster = DemoData.OTHER_CLUSTERS_2016.get(0);
        long id = read(expect(gateway.postJson(SeedStoryProposals.PROPOSALS, board, Map.of("unitCode", cluster.emulationLeader(),
                "awardTypeCode", DemoCatalogue.GOVERNMENT_FLAG, "clusterId", otherClusters.get(cluster.code()), "receivedOn",
                SeedStoryProposals.RECEIVED_ON)), "second Government-flag proposal")).get("id").asLong();
        HttpResponse<String> refused = gateway.postJson(SeedStoryProposals.PROPOSALS + "/" + id + "/submit", board, Map.of());
        if (refused.statusCode() != 422) {
            throw new IllegalStateException("The quota should refuse a second Government flag in " + YEAR + ": " + refused.statusCode() + " "
                    + refused.body());
        }
        String quota = "";
        for (JsonNode error : read(refused).path("errors")) {
            if (error.path("field").asText().endsWith("QUOTA_PERCENT_OF_CLUSTER_LEADERS")) {
                quota = error.path("message").asText();
            }
        }
        System.out.printf("Proposal %d  Government flag for %s (leader of %s, illustrative) refused at submission: %s%n", id,
                cluster.emulationLeader(), cluster.name(), quota);
    }

    /**
     * The Council's session: both proposals on the agenda, four members present and one answering in writing (the Board
     * enters it), the secret ballot, the count and the minutes; the proposals are then RECOMMENDED.
     */
    static void councilReviews(GatewayClient gateway, String board, Council council, List<Long> proposals) {
        String session = read(expect(gateway.postJson("/api/awards/council-sessions", board, Map.of("year", YEAR, "termId", council.termId(),
                "body", "COUNCIL", "heldOn", COUNCIL_HELD_ON, "place", "Trụ sở UBND tỉnh Thanh Hóa")), "the Council's session")).get("id").asText();
        String at = "/api/awards/council-sessions/" + session;
        expect(gateway.postJson(at + "/agenda", board, Map.of("proposalIds", proposals)), "the Council's agenda");
        List<String> present = new ArrayList<>();
        for (String login : List.of("hd-chutich", "hd-phochutich", "hd-thuongtruc", "hd-uyvien")) {
            present.add(council.memberIds().get(login));
        }
        String written = council.memberIds().get("hd-thuky");
        expect(gateway.putJson(at + "/attendance", board, Map.of("present", present, "writtenOpinions", List.of(written))), "attendance");
        expect(gateway.postJson(at + "/open", board, Map.of()), "opening the Council's ballot");
        for (String login : List.of("hd-chutich", "hd-phochutich", "hd-thuongtruc", "hd-uyvien")) {
            String token = gateway.passwordToken(login, DemoData.COUNCIL_PASSWORD);
            Map<String, String> choices = new LinkedHashMap<>();
            // one member abstains on the Government flag: the minutes show 4 of 5
            proposals.forEach(p -> choices.put(Long.toString(p), login.equals("hd-uyvien") && p.equals(proposals.get(proposals.size() - 1))
                    ? "ABSTAIN" : "FOR"));
            expect(gateway.postJson(at + "/ballots", token, Map.of("choices", choices)), "ballot of " + login);
        }
        Map<String, String> writtenChoices = new LinkedHashMap<>();
        proposals.forEach(p -> writtenChoices.put(Long.toString(p), "FOR"));
        expect(gateway.postJson(at + "/ballots", board, Map.of("member", written, "choices", writtenChoices)), "the written opinion");
        expect(gateway.postJson(at + "/close", board, Map.of()), "closing the Council's ballot");
        expect(gateway.postJson(at + "/publish", board, Map.of()), "publishing the Council's result");
        System.out.printf("Council   session %s of %s: 4 members present, 1 in writing; published, minutes at %s/minutes%n", session,
                COUNCIL_HELD_ON, at);
        for (long id : proposals) {
            JsonNode proposal = read(expect(gateway.get(SeedStoryProposals.PROPOSALS + "/" + id, board), "proposal " + id));
            System.out.printf("Proposal %d  %s: %s%n", id, proposal.get("status").asText(), proposal.path("councilResult").asText());
        }
    }

    /**
     * The Chairman's submission to the Prime Minister: the national system returns the first with a reason (the province
     * corrects and submits again), accepts the second and the Prime Minister decides. Without the fake portal (a real one
     * is named), the submission is sent and waits for the real national system's answer.
     */
    static void submitToThePrimeMinister(GatewayClient gateway, String board, FakePortal portal, long proposal) {
        if (portal != null) {
            portal.national().script(new FakeNationalSystem.Script(FakeNationalSystem.Answer.RETURN, RETURN_REASON, null));
        }
        long first = draftAndSend(gateway, board, SUBMISSION_RETURNED, "2017-01-12", "2017-01-13");
        if (portal == null) {
            System.out.println("Submission " + first + " sent; the national system answers through the portal.");
            return;
        }
        JsonNode returned = await(gateway, board, "/api/awards/submissions/" + first, s -> "RETURNED".equals(s.path("status").asText()),
                "the national system's return of submission " + first);
        System.out.printf("Submission %d  RETURNED by the national system on %s (%s): %s%n", first, returned.path("returnedOn").asText(),
                returned.hasNonNull("returnDue") ? "its limit: " + returned.get("returnDue").asText() : "no national time limit was in force then",
                returned.path("returnReason").asText());
        portal.national().script(new FakeNationalSystem.Script(FakeNationalSystem.Answer.ACCEPT_AND_DECIDE, null, PM_DECISION));
        long second = draftAndSend(gateway, board, SUBMISSION_ACCEPTED, "2017-01-16", "2017-01-17");
        JsonNode decided = await(gateway, board, SeedStoryProposals.PROPOSALS + "/" + proposal, p -> "DECIDED".equals(p.path("status").asText()),
                "the Prime Minister's decision on proposal " + proposal);
        JsonNode accepted = read(expect(gateway.get("/api/awards/submissions/" + second, board), "submission " + second));
        System.out.printf("Submission %d  ACCEPTED on %s (%s); Decision %s of %s by %s: proposal %d DECIDED%n", second,
                accepted.path("acceptedOn").asText(), accepted.path("nationalReference").asText(), decided.path("decisionNumber").asText(),
                decided.path("decisionDate").asText(), decided.path("decidingAuthority").asText(), proposal);
        JsonNode ledger = read(expect(gateway.get("/api/awards/ledger?unitCode=" + decided.get("unitCode").asText() + "&awardTypeCode="
                + DemoCatalogue.GOVERNMENT_FLAG + "&year=" + YEAR, board), "the ledger")).at("/items/0");
        SeedStoryProposals.ledgerLine(decided.get("unitCode").asText(), ledger);
    }

    private static long draftAndSend(GatewayClient gateway, String board, String number, String signedOn, String sentOn) {
        JsonNode draft = read(expect(gateway.postJson("/api/awards/submissions", board, Map.of("year", YEAR, "number", number, "signedBy", CHAIRMAN,
                "signedOn", signedOn)), "the submission " + number));
        long id = draft.get("id").asLong();
        expect(gateway.postJson("/api/awards/submissions/" + id + "/send", board, Map.of("on", sentOn)), "sending " + number);
        System.out.printf("Submission %d  %s signed %s by the Chairman, %d candidate(s), sent %s to the national system (tờ trình at"
                + " /api/awards/submissions/%d/document)%n", id, number, signedOn, draft.path("candidates").size(), sentOn, id);
        return id;
    }

    private static JsonNode await(GatewayClient gateway, String board, String path, Predicate<JsonNode> done, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode found = read(expect(gateway.get(path, board), what));
            if (done.test(found)) {
                return found;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Waited " + PATIENCE.toSeconds() + " s for " + what + ": " + found);
            }
            LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
        }
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return GatewayClient.read(response.body());
    }
}
