package vn.thidua.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import vn.thidua.devstack.portal.FakePortal;

/**
 * The end of the seed story: "the units … voted on the units to propose to the Prime Minister
 * (Government emulation flag) and to the Provincial People's Committee (provincial emulation flag)
 * for 2016", carried to the decision, through the gateway as the people involved would do it.
 *
 * <p>Both flags: the Board proposes the Labour Federation from each published vote (the minutes come with it), the
 * Federation uploads its achievement report (a one-page PDF, {@link AchievementReportPdf}), the Board submits (the cover
 * submission is stored and the dossier is delivered to the Department of Home Affairs portal) and appraises it. The
 * province then takes over ({@link SeedStoryProvince}): a second Government-flag candidate is refused over the quota, the
 * provincial Council reviews both by a secret ballot, the portal's service account posts the Chairman's decision on the
 * provincial flag — an obviously made-up number, {@value #DECISION_NUMBER} — which writes the ledger, and the Chairman's
 * submission carries the Government flag to the Prime Minister.
 */
final class SeedStoryProposals {
    static final String PROPOSALS = "/api/awards/proposals";
    static final int YEAR = 2016;
    /** Not a real decision: the demo's own number, marked as such. */
    static final String DECISION_NUMBER = "DEMO-01/QĐ-UBND";
    static final String DECISION_DATE = "2017-01-20";
    static final String DECISION_AUTHORITY = "Chủ tịch UBND tỉnh Thanh Hóa";
    static final String REPORT_FILE = "bao-cao-thanh-tich-2016-ldld.pdf";
    /**
     * The day the Board received the 2016 dossiers (a made-up day, after the conference of 14/12/2016):
     * entered today, they are judged under the rule set in force then, and the decision of 2017 is
     * paid at the base salary of its own date — 1,210,000 × 8.0 = 9,680,000 VND for the provincial flag.
     */
    static final String RECEIVED_ON = "2016-12-20";
    /** How long the demo waits to show the portal's answer before going on (a real portal may be slow or away). */
    private static final Duration DELIVERY_PATIENCE = Duration.ofSeconds(15);

    private SeedStoryProposals() {
    }

    /**
     * Runs both proposals on the cluster-year whose votes {@link SeedStoryVoting} published, and the province's part of the
     * story; {@code portal}: the fake portal, whose national system answers the Chairman's submissions (null when a real
     * portal is named).
     */
    static void run(GatewayClient gateway, long clusterId, SeedStoryProvince.Council council, Map<String, Long> otherClusters,
                    FakePortal portal) {
        String board = gateway.passwordToken("board", DemoData.PASSWORD);
        JsonNode sessions = read(expect(gateway.get("/api/awards/voting-sessions?year=" + YEAR + "&clusterId=" + clusterId, board),
                "the cluster's votes"));
        long provincial = appraisedFromVote(gateway, board, vote(sessions, DemoCatalogue.PROVINCIAL_FLAG));
        long government = appraisedFromVote(gateway, board, vote(sessions, DemoCatalogue.GOVERNMENT_FLAG));
        SeedStoryProvince.secondGovernmentFlagCandidate(gateway, board, otherClusters);
        SeedStoryProvince.councilReviews(gateway, board, council, List.of(provincial, government));

        String unit = DemoData.LEADER_2016;
        JsonNode decision = decide(gateway, board, provincial, unit, DemoCatalogue.PROVINCIAL_FLAG, YEAR, DECISION_NUMBER, DECISION_DATE);
        JsonNode ledger = read(expect(gateway.get("/api/awards/ledger?unitCode=" + unit + "&awardTypeCode=" + DemoCatalogue.PROVINCIAL_FLAG
                + "&year=" + YEAR, board), "the ledger of " + unit));
        JsonNode entry = ledger.at("/items/0");
        if (entry.isMissingNode() || !DECISION_NUMBER.equals(entry.path("decisionNumber").asText())) {
            throw new IllegalStateException("The decision " + decision.get("id") + " is not in the ledger of " + unit + ": " + ledger);
        }
        ledgerLine(unit, entry);
        SeedStoryProvince.submitToThePrimeMinister(gateway, board, portal, government);
    }

    /** The Board proposes the unit the vote elected; the unit uploads its report; the Board submits and appraises it. */
    private static long appraisedFromVote(GatewayClient gateway, String board, JsonNode vote) {
        JsonNode proposal = create(gateway, board, vote);
        long id = proposal.get("id").asLong();
        String unit = proposal.get("unitCode").asText();
        JsonNode lead = vote.at("/result/contests/0/candidates");
        int votesFor = 0;
        for (JsonNode candidate : lead) {
            if (unit.equals(candidate.get("unitCode").asText())) {
                votesFor = candidate.get("votesFor").asInt();
            }
        }
        byte[] report = AchievementReportPdf.render(new AchievementReportPdf.Facts(unitName(unit), unit, DemoData.CLUSTER_7_NAME, YEAR,
                awardName(proposal.get("awardTypeCode").asText()), proposal.path("rankingRank").isNumber() ? proposal.get("rankingRank").asInt() : null,
                proposal.path("rankingTotal").isNumber() ? proposal.get("rankingTotal").decimalValue() : null,
                votesFor, vote.at("/result/electorate").asInt()));
        // the unit writes its own report; the proposer (the Board) could upload it too
        String representative = gateway.passwordToken(representativeOf(unit), DemoData.PASSWORD);
        JsonNode file = read(expect(gateway.putPdf(PROPOSALS + "/" + id + "/files/achievement-report", representative, REPORT_FILE, report),
                "achievement report of " + unit));
        System.out.printf("Proposal %d  achievement report uploaded by %s: %s (%,d bytes, SHA-256 %s…)%n", id, representativeOf(unit),
                file.get("fileName").asText(), file.get("sizeBytes").asLong(), file.get("sha256").asText().substring(0, 12));
        submitAndAppraise(gateway, board, id);
        return id;
    }

    /** One line of the ledger: the award, the decision it rests on, what it pays and the rule set it was judged under. */
    static void ledgerLine(String unit, JsonNode entry) {
        System.out.printf("Ledger  %s %s %d: %s of %s (%s, decision %d), cash %s VND, rule set %s%n", unit, entry.get("awardTypeCode").asText(),
                entry.get("year").asInt(), entry.get("decisionNumber").asText(), entry.get("decisionDate").asText(), entry.get("source").asText(),
                entry.get("decisionId").asLong(), entry.path("cashAmount").isNumber() ? String.format("%,d", entry.get("cashAmount").asLong()) : "–",
                entry.path("ruleSetId").asText("–"));
    }

    /** What a unit of a decision is paid, and how: "cash 1,210,000 × 8.0 = 9,680,000 VND" or why there is no amount. */
    static String cash(JsonNode unit) {
        if (!unit.path("cashAmount").isNumber()) {
            return "no cash amount" + (unit.hasNonNull("cashNote") ? ": " + unit.get("cashNote").asText() : "");
        }
        BigDecimal exact = BigDecimal.valueOf(unit.get("baseSalary").asLong()).multiply(unit.get("cashMultiple").decimalValue());
        long amount = unit.get("cashAmount").asLong();
        return String.format("cash %,d (base salary on that day) × %s = %,d%s VND", unit.get("baseSalary").asLong(),
                unit.get("cashMultiple").decimalValue().toPlainString(), exact.longValue(),
                exact.compareTo(BigDecimal.valueOf(amount)) == 0 ? "" : String.format(", rounded up to %,d", amount));
    }

    /** The Board proposes the unit the published vote elected; the vote's minutes become the dossier's first file. */
    private static JsonNode create(GatewayClient gateway, String board, JsonNode vote) {
        String session = vote.get("id").asText();
        JsonNode proposal = read(expect(gateway.postJson(PROPOSALS, board, Map.of("votingSessionId", session, "receivedOn", RECEIVED_ON)),
                "proposal from vote " + session));
        System.out.printf("Proposal %d  %s %d for %s by the Board from vote %s: %s, rank %s (%s points), minutes attached; received %s,"
                        + " judged under %s%n",
                proposal.get("id").asLong(), awardName(proposal.get("awardTypeCode").asText()), proposal.get("year").asInt(),
                proposal.get("unitCode").asText(), session, proposal.get("status").asText(), proposal.path("rankingRank").asText("–"),
                proposal.path("rankingTotal").isNumber() ? plain(proposal.get("rankingTotal").decimalValue()) : "–",
                proposal.path("receivedOn").asText(), DemoCatalogue.decreeOf(proposal.at("/ruleSetChosenBecause/legalBasis").asText()));
        return proposal;
    }

    /** Submits the proposal, appraises it and has the portal's account post the decision naming the unit; returns the decision. */
    static JsonNode submitAndDecide(GatewayClient gateway, String board, long id, String unit, String award, int year, String number,
                                    String date) {
        submitAndAppraise(gateway, board, id);
        return decide(gateway, board, id, unit, award, year, number, date);
    }

    static void submitAndAppraise(GatewayClient gateway, String board, long id) {
        step(gateway, board, id, "submit");
        System.out.printf("Proposal %d  SUBMITTED by the Board (cover submission stored); portal delivery %s%n", id,
                delivery(gateway, board, id));
        step(gateway, board, id, "appraisal");
        JsonNode appraised = step(gateway, board, id, "appraise");
        System.out.printf("Proposal %d  UNDER_APPRAISAL, then %s by the Board%n", id, appraised.get("status").asText());
    }

    /** The portal's account posts the Chairman's decision naming the unit, printing what it pays. */
    static JsonNode decide(GatewayClient gateway, String board, long id, String unit, String award, int year, String number, String date) {
        String portal = gateway.clientToken("portal-demo", DemoData.PASSWORD);
        JsonNode decision = read(expect(gateway.postJson("/api/awards/decisions", portal, Map.of(
                "number", number,
                "date", date,
                "authority", DECISION_AUTHORITY,
                "awardTypeCode", award,
                "year", year,
                "units", List.of(unit))), "the decision " + number));
        JsonNode decided = read(expect(gateway.get(PROPOSALS + "/" + id, board), "proposal " + id));
        System.out.printf("Decision  %s of %s (%s), posted by the portal (portal-demo): proposal %d %s; %s%n", number, date,
                DECISION_AUTHORITY, id, decided.get("status").asText(), cash(decision.at("/units/0")));
        return decision;
    }

    static JsonNode step(GatewayClient gateway, String token, long id, String step) {
        return read(expect(gateway.postJson(PROPOSALS + "/" + id + "/" + step, token, Map.of()), step + " of proposal " + id));
    }

    /** How the submission's delivery to the portal went, waiting a little for its first answer. */
    static String delivery(GatewayClient gateway, String board, long id) {
        long deadline = System.nanoTime() + DELIVERY_PATIENCE.toNanos();
        while (true) {
            JsonNode delivery = read(expect(gateway.get("/api/awards/portal/deliveries?proposalId=" + id, board), "deliveries of " + id))
                    .at("/items/0");
            if (delivery.isMissingNode()) {
                throw new IllegalStateException("Proposal " + id + " was submitted without a portal delivery");
            }
            String state = delivery.get("state").asText();
            if (!"PENDING".equals(state) || System.nanoTime() > deadline) {
                return switch (state) {
                    case "DELIVERED" -> "DELIVERED, the portal's reference " + delivery.get("portalReference").asText();
                    case "FAILED" -> "FAILED: " + delivery.path("lastError").asText();
                    default -> state + " after " + delivery.get("attempts").asInt() + " attempt(s), still retrying";
                };
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private static JsonNode vote(JsonNode sessions, String awardTypeCode) {
        for (JsonNode session : sessions) {
            if (awardTypeCode.equals(session.path("awardTypeCode").asText()) && "PUBLISHED".equals(session.path("status").asText())) {
                return session;
            }
        }
        throw new IllegalStateException("No published vote for " + awardTypeCode + ": " + sessions);
    }

    private static String awardName(String code) {
        return DemoCatalogue.award(code).name();
    }

    private static String unitName(String code) {
        return DemoData.CLUSTER_7_UNITS.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().name();
    }

    private static String representativeOf(String code) {
        return DemoData.CLUSTER_7_UNITS.stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().representative();
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }

    private static HttpResponse<String> expect(HttpResponse<String> response, String what) {
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("Demo proposal refused (" + what + "): " + response.statusCode() + " " + response.body());
        }
        return response;
    }

    private static JsonNode read(HttpResponse<String> response) {
        return GatewayClient.read(response.body());
    }
}
