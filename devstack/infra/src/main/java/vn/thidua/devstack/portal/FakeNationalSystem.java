package vn.thidua.devstack.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * Stands in for the Ministry of Home Affairs' national dossier system behind the fake portal: when a dossier of a
 * province's submission to the Prime Minister arrives (a FORWARDED delivery naming {@code proposal.submission}), it
 * answers that submission once, as scripted, through Thi đua's documented inbound API with a portal token —
 * returned as faulty with a reason, or accepted and then decided by the Prime Minister (docs/portal.md, "The
 * province's submission"). Unscripted ({@link Answer#NONE}) it only takes the dossiers, as a real system that has
 * not answered yet.
 */
public final class FakeNationalSystem {
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** How the national Board answers the next submissions. */
    public enum Answer { NONE, RETURN, ACCEPT_AND_DECIDE }

    /** The script: the answer, the reason of a return, and the number of the Prime Minister's decision. */
    public record Script(Answer answer, String reason, String decisionNumber) {
        public static final Script NONE = new Script(Answer.NONE, null, null);
    }

    /** One answer it gave: to which submission, what, and how Thi đua answered it. */
    public record Answered(long submissionId, String what, int status) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final Set<Long> handled = ConcurrentHashMap.newKeySet();
    private final List<Answered> answered = new CopyOnWriteArrayList<>();
    private volatile String gatewayUrl;
    private volatile String clientId;
    private volatile String clientSecret;
    private volatile String bearer;
    private volatile Script script = Script.NONE;

    /** Where Thi đua's gateway is and the portal's service account to answer with. */
    public void connect(String gatewayUrl, String clientId, String clientSecret) {
        this.gatewayUrl = gatewayUrl;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** The same with a token the caller got for the portal's account (tests sign their own). */
    public void connectWithToken(String baseUrl, String token) {
        this.gatewayUrl = baseUrl;
        this.bearer = token;
    }

    public void script(Script script) {
        this.script = script == null ? Script.NONE : script;
    }

    public Script script() {
        return script;
    }

    public List<Answered> answered() {
        return List.copyOf(answered);
    }

    void reset() {
        handled.clear();
        answered.clear();
        script = Script.NONE;
    }

    /** Called for every dossier the portal took; answers a submission's first dossier, later, on {@code executor}. */
    void received(JsonNode dossier, Executor executor) {
        JsonNode submission = dossier.at("/proposal/submission");
        Script now = script;
        if (submission.isMissingNode() || submission.isNull() || !"FORWARDED".equals(dossier.at("/transition/to").asText())
                || now.answer() == Answer.NONE || gatewayUrl == null) {
            return;
        }
        long id = submission.path("id").asLong();
        if (handled.add(id)) {
            executor.execute(() -> answer(id, submission.path("href").asText(), now));
        }
    }

    private void answer(long id, String href, Script now) {
        try {
            String token = bearer != null ? bearer : token();
            JsonNode view = json.readTree(get(href, token).body());
            // the national Board answers on the day it received the dossier, well within its limit; decides two weeks on
            LocalDate sentOn = LocalDate.parse(view.path("sentOn").asText());
            LocalDate decidedOn = sentOn.plusDays(14).isAfter(LocalDate.now(VIETNAM)) ? LocalDate.now(VIETNAM) : sentOn.plusDays(14);
            if (now.answer() == Answer.RETURN) {
                ObjectNode body = json.createObjectNode().put("reason", now.reason() == null ? "Hồ sơ chưa đủ" : now.reason())
                        .put("on", sentOn.toString());
                answered.add(new Answered(id, "RETURNED", post(href + "/returned", token, body).statusCode()));
                return;
            }
            String reference = "BNV-" + sentOn.getYear() + "-" + id;
            answered.add(new Answered(id, "ACCEPTED", post(href + "/accepted", token,
                    json.createObjectNode().put("reference", reference).put("on", sentOn.toString())).statusCode()));
            Map<String, List<String>> unitsByAward = new LinkedHashMap<>();
            for (JsonNode candidate : view.path("candidates")) {
                unitsByAward.computeIfAbsent(candidate.path("awardTypeCode").asText(), award -> new ArrayList<>())
                        .add(candidate.path("unitCode").asText());
            }
            int n = 0;
            for (Map.Entry<String, List<String>> award : unitsByAward.entrySet()) {
                // one decision of the Prime Minister per award; the second and later get their own numbers
                String number = n++ == 0 ? now.decisionNumber() : now.decisionNumber() + "-" + n;
                ObjectNode decision = json.createObjectNode().put("number", number).put("date", decidedOn.toString())
                        .put("authority", "Thủ tướng Chính phủ").put("awardTypeCode", award.getKey()).put("year", view.path("year").asInt());
                award.getValue().forEach(decision.putArray("units")::add);
                answered.add(new Answered(id, "DECIDED " + number, post("/api/awards/decisions", token, decision).statusCode()));
            }
        } catch (IOException | RuntimeException e) {
            answered.add(new Answered(id, "FAILED: " + e.getMessage(), 0));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8) + "&client_secret="
                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + "/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no portal token: " + response.statusCode());
        }
        return json.readTree(response.body()).path("access_token").asText();
    }

    private HttpResponse<String> post(String path, String token, JsonNode body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
