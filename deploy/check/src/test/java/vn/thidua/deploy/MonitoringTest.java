package vn.thidua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The alerts (deploy/kubernetes/components/monitoring/prometheus-rules.yaml) and the Grafana
 * dashboards (deploy/monitoring/dashboards) name only metrics of deploy/monitoring/metrics.txt, the
 * list the services' code must match; every meter the code registers under a thidua.* name is in
 * that list; every alert has a severity, a summary, a description and a runbook that exists in
 * docs/operations.md; every dashboard file is shipped and filters by the installation's namespace.
 */
class MonitoringTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path ROOT = MODULE.resolve("../..").normalize();
    private static final Path MONITORING = ROOT.resolve("deploy/monitoring");
    private static final Path DASHBOARDS = MONITORING.resolve("dashboards");
    private static final Path METRICS = MONITORING.resolve("metrics.txt");
    private static final Path RULES = ROOT.resolve("deploy/kubernetes/components/monitoring/prometheus-rules.yaml");
    private static final Path OPERATIONS_GUIDE = ROOT.resolve("docs/operations.md");
    /** The stable form of every runbook_url: the guide on the main branch, at a "### Runbook: ..." heading. */
    static final Pattern RUNBOOK_URL = Pattern.compile("https://github\\.com/thidua/thidua/blob/main/docs/operations\\.md#(runbook-[a-z0-9-]+)");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** PromQL words that are neither metrics nor followed by "(": operators and modifiers. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "offset", "bool", "by", "without", "on", "ignoring",
            "group_left", "group_right", "inf", "nan", "atan2", "start", "end");

    @Test
    void everyMetricTheAlertsAndDashboardsUseIsListed() throws IOException {
        assertEquals(List.of(), unknownMetrics(expressions(alertRules(), dashboards())));
    }

    /** The check is not vacuous: a misspelt metric in a dashboard or an alert is refused, by name. */
    @Test
    void aMisspeltMetricInADashboardOrAnAlertIsRefused() throws IOException {
        Map<String, JsonNode> dashboards = dashboards();
        JsonNode events = dashboards.get("thidua-events.json");
        dashboards.put("thidua-events.json", JSON.readTree(JSON.writeValueAsString(events).replace("thidua_outbox_backlog{", "thidua_outbox_backlogg{")));
        List<JsonNode> rules = alertRules();
        ((ObjectNode) rules.get(0)).put("expr", "rate(thidua_dead_letter_total[5m]) > 0");
        List<String> unknown = unknownMetrics(expressions(rules, dashboards));
        assertTrue(unknown.stream().anyMatch(u -> u.contains("thidua-events.json") && u.endsWith(": thidua_outbox_backlogg")), unknown.toString());
        assertTrue(unknown.stream().anyMatch(u -> u.contains(rules.get(0).at("/alert").asText()) && u.endsWith(": thidua_dead_letter_total")), unknown.toString());
        assertEquals(2, unknown.size(), unknown.toString());
    }

    @Test
    void theMetricParserFindsMetricNamesAndNothingElse() {
        assertEquals(Set.of("http_server_requests_seconds_count", "up", "thidua_outbox_backlog"), metricNames(
                "sum by (namespace, service) (rate(http_server_requests_seconds_count{status=~\"5..\", namespace=\"$namespace\"}[$__rate_interval]))"
                        + " / on (service) group_left up offset 15m > 0.5 and histogram_quantile(0.99, thidua_outbox_backlog[5m:1m]) > bool 1e3"));
        assertEquals(Set.of("up"), metricNames("label_values(up{service=~\"gateway|units-service\"}, namespace)"));
    }

    /**
     * A meter the code registers under a thidua.* name is in metrics.txt under its Prometheus name
     * (dots to underscores, plus _total, _seconds_count... as its type adds): a new or renamed meter is
     * a change of this contract, made in the list (and the alerts and dashboards) too.
     */
    @Test
    void everyThiduaMeterTheCodeRegistersIsListed() throws IOException {
        Set<String> listed = listedMetrics();
        Pattern meter = Pattern.compile("(?:(?:Counter|Gauge|Timer|DistributionSummary|LongTaskTimer|FunctionCounter|FunctionTimer|TimeGauge)\\.builder"
                + "|\\.(?:counter|gauge|timer|summary|gaugeCollectionSize|gaugeMapSize|longTaskTimer)|@(?:Counted|Timed))"
                + "\\(\\s*(?:value\\s*=\\s*)?\"(thidua\\.[^\"]+)\"");
        List<String> failures = new ArrayList<>();
        int found = 0;
        for (Path source : mainSources()) {
            Matcher m = meter.matcher(Files.readString(source, StandardCharsets.UTF_8));
            while (m.find()) {
                found++;
                String base = m.group(1).replace('.', '_').replace('-', '_');
                if (listed.stream().noneMatch(name -> name.equals(base) || name.startsWith(base + "_"))) {
                    failures.add(ROOT.relativize(source) + " registers " + m.group(1) + ", which metrics.txt does not list (as " + base + "...)");
                }
            }
        }
        assertTrue(found >= 3, "the scan found only " + found + " thidua.* meters in the code: is the pattern still right?");
        assertEquals(List.of(), failures);
    }

    @Test
    void everyAlertHasASeverityItsTextAndARunbookOfTheGuide() throws IOException {
        Set<String> anchors = runbookAnchors();
        List<String> failures = new ArrayList<>();
        Set<String> names = new TreeSet<>();
        for (JsonNode rule : alertRules()) {
            String alert = rule.at("/alert").asText();
            String at = "alert " + alert + ": ";
            expect(failures, at + "a name of its own", names.add(alert));
            expect(failures, at + "severity critical or warning, not " + rule.at("/labels/severity"),
                    Set.of("critical", "warning").contains(rule.at("/labels/severity").asText()));
            expect(failures, at + "a summary", !rule.at("/annotations/summary").asText().isBlank());
            expect(failures, at + "a description", !rule.at("/annotations/description").asText().isBlank());
            Matcher url = RUNBOOK_URL.matcher(rule.at("/annotations/runbook_url").asText());
            expect(failures, at + "runbook_url of the form " + RUNBOOK_URL.pattern() + ", not " + rule.at("/annotations/runbook_url"), url.matches());
            if (url.matches()) {
                expect(failures, at + "runbook " + url.group(1) + " is a \"### Runbook: ...\" heading of docs/operations.md " + anchors,
                        anchors.contains(url.group(1)));
            }
        }
        expect(failures, "some alerts", !names.isEmpty());
        assertEquals(List.of(), failures);
    }

    /** The alerts that issue 19 asks for, on the metrics it names: a rule removed by mistake fails here. */
    @Test
    void theEventFlowLoginsPortalAndAvailabilityAreAlertedOn() throws IOException {
        Map<String, String> byMetric = new LinkedHashMap<>();
        for (JsonNode rule : alertRules()) {
            metricNames(rule.at("/expr").asText()).forEach(metric -> byMetric.merge(metric, rule.at("/alert").asText(), (a, b) -> a + "," + b));
        }
        List<String> missing = new ArrayList<>();
        for (String metric : List.of("up", "http_server_requests_seconds_count", "http_server_requests_seconds_bucket", "thidua_outbox_oldest_age_seconds",
                "thidua_dead_letters_total", "kafka_consumer_fetch_manager_records_lag_max", "thidua_logins_refused_total", "thidua_portal_attempts_total")) {
            expect(missing, "an alert on " + metric, byMetric.containsKey(metric));
        }
        assertEquals(List.of(), missing, byMetric.toString());
    }

    @Test
    void everyDashboardIsShippedFiltersByNamespaceAndHasDistinctPanels() throws IOException {
        List<String> failures = new ArrayList<>();
        JsonNode kustomization = YAML.readTree(MONITORING.resolve("kustomization.yaml").toFile());
        Set<String> generated = new TreeSet<>();
        kustomization.at("/configMapGenerator").forEach(g -> g.at("/files").forEach(f -> generated.add(f.asText())));
        Set<String> uids = new TreeSet<>();
        for (Map.Entry<String, JsonNode> dashboard : dashboards().entrySet()) {
            String at = "dashboard " + dashboard.getKey() + ": ";
            expect(failures, at + "a ConfigMap of deploy/monitoring/kustomization.yaml", generated.contains("dashboards/" + dashboard.getKey()));
            expect(failures, at + "a uid of its own", uids.add(dashboard.getValue().at("/uid").asText("")) && dashboard.getValue().at("/uid").isTextual());
            Set<Integer> ids = new TreeSet<>();
            for (JsonNode panel : panels(dashboard.getValue())) {
                expect(failures, at + "panel id " + panel.at("/id") + " used once", ids.add(panel.at("/id").asInt()));
                for (JsonNode target : panel.at("/targets")) {
                    Matcher selector = Pattern.compile("\\{[^}]*\\}").matcher(target.at("/expr").asText());
                    boolean any = false;
                    while (selector.find()) {
                        any = true;
                        expect(failures, at + "panel \"" + panel.at("/title").asText() + "\": " + selector.group() + " filters by namespace=\"$namespace\"",
                                selector.group().contains("namespace=\"$namespace\""));
                    }
                    expect(failures, at + "panel \"" + panel.at("/title").asText() + "\": a selector with the namespace", any);
                }
            }
        }
        expect(failures, "every generated ConfigMap has its file " + generated, generated.stream()
                .allMatch(file -> Files.isRegularFile(MONITORING.resolve(file))));
        assertEquals(List.of(), failures);
    }

    // ---------- helpers ----------

    /** Metric names in a PromQL expression (or Grafana's label_values(metric, label)): not labels, functions, keywords, numbers, strings. */
    static Set<String> metricNames(String expression) {
        String s = expression.strip();
        Matcher labelValues = Pattern.compile("^label_values\\((.*),\\s*\\w+\\s*\\)$", Pattern.DOTALL).matcher(s);
        if (labelValues.matches()) {
            s = labelValues.group(1);
        }
        s = s.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("'(?:[^'\\\\]|\\\\.)*'", "''").replaceAll("`[^`]*`", "``");
        s = s.replaceAll("\\{[^}]*\\}", " ");
        s = s.replaceAll("\\[[^\\]]*\\]", " ");
        s = s.replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher word = Pattern.compile("(?<![A-Za-z0-9_:.$])([A-Za-z_:][A-Za-z0-9_:]*)(\\s*\\()?").matcher(s);
        while (word.find()) {
            if (word.group(2) == null && !KEYWORDS.contains(word.group(1).toLowerCase())) {
                names.add(word.group(1));
            }
        }
        return names;
    }

    private static List<String> unknownMetrics(Map<String, String> expressions) throws IOException {
        Set<String> listed = listedMetrics();
        List<String> unknown = new ArrayList<>();
        expressions.forEach((where, expression) -> metricNames(expression).stream().filter(name -> !listed.contains(name))
                .forEach(name -> unknown.add(where + ": metric not in deploy/monitoring/metrics.txt: " + name)));
        return unknown;
    }

    /** Every PromQL expression: "alert X" → expr, "dashboard F panel \"T\" A" → expr, "dashboard F variable V" → query. */
    private static Map<String, String> expressions(List<JsonNode> rules, Map<String, JsonNode> dashboards) {
        Map<String, String> expressions = new LinkedHashMap<>();
        rules.forEach(rule -> expressions.put("alert " + rule.at("/alert").asText(), rule.at("/expr").asText()));
        dashboards.forEach((file, dashboard) -> {
            for (JsonNode panel : panels(dashboard)) {
                for (JsonNode target : panel.at("/targets")) {
                    expressions.put("dashboard " + file + " panel \"" + panel.at("/title").asText() + "\" " + target.at("/refId").asText(),
                            target.at("/expr").asText());
                }
            }
            for (JsonNode variable : dashboard.at("/templating/list")) {
                if (variable.at("/type").asText().equals("query")) {
                    JsonNode query = variable.at("/query");
                    expressions.put("dashboard " + file + " variable " + variable.at("/name").asText(),
                            query.isTextual() ? query.asText() : query.at("/query").asText());
                }
            }
        });
        return expressions;
    }

    private static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.at("/panels")) {
            panels.add(panel);
            panel.at("/panels").forEach(panels::add); // the panels of a collapsed row
        }
        return panels;
    }

    private static Map<String, JsonNode> dashboards() throws IOException {
        Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DASHBOARDS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
            }
        }
        assertTrue(dashboards.size() >= 2, "the overview and events dashboards in " + DASHBOARDS);
        return dashboards;
    }

    private static List<JsonNode> alertRules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        YAML.readTree(RULES.toFile()).at("/spec/groups").forEach(group -> group.at("/rules").forEach(rule -> {
            if (rule.has("alert")) {
                rules.add(rule);
            }
        }));
        return rules;
    }

    static Set<String> listedMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String line : Files.readAllLines(METRICS, StandardCharsets.UTF_8)) {
            String text = line.strip();
            if (!text.isEmpty() && !text.startsWith("#")) {
                names.add(text.split("\\s+")[0]);
            }
        }
        return names;
    }

    /** GitHub's anchors of the guide's "### Runbook: ..." headings. */
    static Set<String> runbookAnchors() throws IOException {
        Set<String> anchors = new TreeSet<>();
        for (String line : Files.readAllLines(OPERATIONS_GUIDE, StandardCharsets.UTF_8)) {
            if (line.startsWith("### Runbook: ")) {
                anchors.add(line.substring(4).strip().toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    /** The main sources of the services, the gateway and the platform libraries. */
    private static List<Path> mainSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("units-service", "scoring-service", "awards-service", "gateway", "platform")) {
            Path dir = ROOT.resolve(module);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/java/") && !f.toString().contains("/target/"))
                        .forEach(sources::add);
            }
        }
        return sources;
    }

    private static void expect(List<String> failures, String what, boolean holds) {
        if (!holds) {
            failures.add(what);
        }
    }
}
