package vn.thidua.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every overlay of deploy/kubernetes renders, validates against the Kubernetes, Strimzi and
 * CloudNativePG schemas, and holds what running the system safely needs: hardened, probed and
 * bounded Deployments, each with its Service, autoscaler and disruption budget; network policies
 * that let only the gateway in from outside and each service in only from the gateway; topics that
 * fit the consumers; no secret value anywhere. Failures name the overlay and the object.
 */
class ManifestsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path KUBERNETES = MODULE.resolve("../kubernetes").normalize();
    private static final Path OPERATIONS_GUIDE = MODULE.resolve("../../docs/operations.md").normalize();
    private static final List<String> OVERLAYS = List.of("dev", "production");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Path> files = new LinkedHashMap<>();
    private static final Map<String, List<JsonNode>> objects = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws IOException {
        Path out = Files.createDirectories(MODULE.resolve("target/rendered"));
        for (String overlay : OVERLAYS) {
            String yaml = run(List.of("kubectl", "kustomize", KUBERNETES.resolve("overlays").resolve(overlay).toString()), 120);
            Path file = Files.writeString(out.resolve(overlay + ".yaml"), yaml);
            files.put(overlay, file);
            List<JsonNode> parsed = new ArrayList<>();
            YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    parsed.add(node);
                }
            });
            objects.put(overlay, parsed);
        }
    }

    @Test
    void everyObjectOfEveryOverlayValidatesAgainstItsSchema() {
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
        List<String> command = new ArrayList<>(List.of("node", MODULE.resolve("validate.mjs").toString()));
        files.values().forEach(file -> command.add(file.toString()));
        String report = run(command, 120);
        int total = objects.values().stream().mapToInt(List::size).sum();
        assertTrue(report.contains(total + " objects valid, 0 errors"), report);
    }

    @Test
    void everyDeploymentIsHardenedBoundedAndProbed() {
        List<String> failures = new ArrayList<>();
        forEachDeployment((overlay, deployment) -> {
            String at = overlay + " " + name(deployment) + ": ";
            JsonNode pod = deployment.at("/spec/template/spec");
            expect(failures, at + "no service account token", !pod.at("/automountServiceAccountToken").asBoolean(true));
            expect(failures, at + "runAsNonRoot", pod.at("/securityContext/runAsNonRoot").asBoolean(false));
            expect(failures, at + "seccomp RuntimeDefault", "RuntimeDefault".equals(pod.at("/securityContext/seccompProfile/type").asText()));
            expect(failures, at + "a grace period for a clean shutdown", pod.at("/terminationGracePeriodSeconds").asInt(0) >= 35);
            for (JsonNode container : pod.at("/containers")) {
                String c = at + container.at("/name").asText() + ": ";
                expect(failures, c + "cpu request", container.at("/resources/requests/cpu").isTextual() || container.at("/resources/requests/cpu").isNumber());
                expect(failures, c + "memory request", container.at("/resources/requests/memory").isTextual());
                expect(failures, c + "memory limit", container.at("/resources/limits/memory").isTextual());
                expect(failures, c + "startup probe", "/q/health/started".equals(container.at("/startupProbe/httpGet/path").asText()));
                expect(failures, c + "readiness probe", "/q/health/ready".equals(container.at("/readinessProbe/httpGet/path").asText()));
                expect(failures, c + "liveness probe", "/q/health/live".equals(container.at("/livenessProbe/httpGet/path").asText()));
                expect(failures, c + "no privilege escalation", !container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
                expect(failures, c + "read-only root file system", container.at("/securityContext/readOnlyRootFilesystem").asBoolean(false));
                expect(failures, c + "all capabilities dropped", texts(container.at("/securityContext/capabilities/drop")).contains("ALL"));
                String image = container.at("/image").asText();
                expect(failures, c + "an image with a version tag, not latest: " + image,
                        image.substring(image.lastIndexOf('/') + 1).contains(":") && !image.endsWith(":latest"));
            }
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void everyDeploymentHasItsServiceAutoscalerAndDisruptionBudget() {
        List<String> failures = new ArrayList<>();
        forEachDeployment((overlay, deployment) -> {
            String name = name(deployment);
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            expect(failures, overlay + " " + name + ": a Service selecting its pods", ofKind(overlay, "Service")
                    .anyMatch(service -> selects(service.at("/spec/selector"), podLabels)));
            expect(failures, overlay + " " + name + ": a HorizontalPodAutoscaler", ofKind(overlay, "HorizontalPodAutoscaler")
                    .anyMatch(hpa -> name.equals(hpa.at("/spec/scaleTargetRef/name").asText())
                            && hpa.at("/spec/maxReplicas").asInt() >= hpa.at("/spec/minReplicas").asInt(1)));
            expect(failures, overlay + " " + name + ": a PodDisruptionBudget", ofKind(overlay, "PodDisruptionBudget")
                    .anyMatch(pdb -> selects(pdb.at("/spec/selector/matchLabels"), podLabels)));
        });
        assertEquals(List.of(), failures);
    }

    @Test
    void onlyTheGatewayIsReachableFromOutsideAndTheServicesOnlyFromTheGateway() {
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            expect(failures, overlay + ": a default deny of all ingress", ofKind(overlay, "NetworkPolicy")
                    .anyMatch(p -> p.at("/spec/podSelector").isEmpty() && texts(p.at("/spec/policyTypes")).contains("Ingress")
                            && p.at("/spec/ingress").isMissingNode()));
            ofKind(overlay, "Ingress").forEach(ingress -> {
                expect(failures, overlay + " Ingress " + name(ingress) + ": TLS", ingress.at("/spec/tls/0/secretName").isTextual());
                for (JsonNode rule : ingress.at("/spec/rules")) {
                    for (JsonNode path : rule.at("/http/paths")) {
                        expect(failures, overlay + " Ingress " + name(ingress) + ": leads only to the gateway",
                                "gateway".equals(path.at("/backend/service/name").asText()));
                        expect(failures, overlay + " Ingress " + name(ingress) + ": operations endpoints stay inside, not " + path.at("/path").asText(),
                                !path.at("/path").asText().matches("/|/q|/q/(health|metrics).*"));
                    }
                }
            });
        }
        forEachDeployment((overlay, deployment) -> {
            JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
            boolean gateway = "gateway".equals(podLabels.at("/app.kubernetes.io~1name").asText());
            List<JsonNode> policies = ofKind(overlay, "NetworkPolicy").filter(p -> selects(p.at("/spec/podSelector"), podLabels)).toList();
            expect(failures, overlay + " " + name(deployment) + ": some policy lets traffic in", policies.size() > 1);
            for (JsonNode policy : policies) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    String at = overlay + " " + name(deployment) + " via " + name(policy) + ": ";
                    expect(failures, at + "every rule names who may come", rule.at("/from").size() > 0);
                    for (JsonNode peer : rule.at("/from")) {
                        String allowed = peerName(peer);
                        Set<String> acceptable = gateway
                                ? Set.of("namespace ingress-nginx", "namespace monitoring", "pods component=service")
                                : Set.of("pods name=gateway", "namespace monitoring");
                        expect(failures, at + "let in " + allowed, acceptable.contains(allowed));
                    }
                }
            }
        });
        // each database only from its own service (besides the operator and its own replicas)
        for (String overlay : OVERLAYS) {
            ofKind(overlay, "Cluster").forEach(database -> {
                String cluster = name(database);
                Set<String> peers = new TreeSet<>();
                ofKind(overlay, "NetworkPolicy")
                        .filter(p -> cluster.equals(p.at("/spec/podSelector/matchLabels/cnpg.io~1cluster").asText()))
                        .forEach(p -> p.at("/spec/ingress").forEach(rule -> rule.at("/from").forEach(peer -> peers.add(peerName(peer)))));
                String service = cluster.equals("pg-gateway") ? "gateway" : cluster.substring(3) + "-service";
                expect(failures, overlay + " " + cluster + ": reachable by " + service + " alone, not " + peers,
                        peers.equals(Set.of("pods name=" + service)));
            });
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void topicsFitTheConsumersAndSurviveABrokerLoss() {
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            int mostConsumers = ofKind(overlay, "HorizontalPodAutoscaler").mapToInt(h -> h.at("/spec/maxReplicas").asInt()).max().orElse(1);
            int brokers = ofKind(overlay, "KafkaNodePool").mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
            ofKind(overlay, "KafkaTopic").forEach(topic -> {
                String at = overlay + " " + topic.at("/spec/topicName").asText() + ": ";
                boolean deadLetters = topic.at("/spec/topicName").asText().contains(".dlq.");
                if (!deadLetters) {
                    expect(failures, at + "partitions for every consumer replica (" + mostConsumers + ")",
                            topic.at("/spec/partitions").asInt() >= mostConsumers);
                }
                int replicas = topic.at("/spec/replicas").asInt();
                expect(failures, at + "replicas " + replicas + " on " + brokers + " brokers", replicas <= brokers);
                if (overlay.equals("production")) {
                    expect(failures, at + "3 replicas, 2 in sync", replicas == 3
                            && topic.at("/spec/config/min.insync.replicas").asInt() == 2);
                }
            });
            expect(failures, overlay + ": topics are declared, not made on first use", ofKind(overlay, "Kafka")
                    .allMatch(k -> "false".equals(k.at("/spec/kafka/config/auto.create.topics.enable").asText())));
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void noSecretValueIsCommittedAndEverySecretIsDocumented() throws IOException {
        String guide = Files.readString(OPERATIONS_GUIDE, StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            expect(failures, overlay + ": no Secret objects", ofKind(overlay, "Secret").findAny().isEmpty());
            Set<String> referenced = new TreeSet<>();
            for (JsonNode object : objects.get(overlay)) {
                object.findValues("secretKeyRef").forEach(ref -> referenced.add(ref.at("/name").asText()));
                object.findValues("secretName").forEach(name -> referenced.add(name.asText()));
                object.findValues("s3Credentials").forEach(c -> c.findValues("name").forEach(n -> referenced.add(n.asText())));
            }
            for (String secret : referenced) {
                // the operator-made database credentials are documented once as pg-<name>-app
                String documented = secret.matches("pg-[a-z]+-app") ? "pg-<name>-app" : secret;
                expect(failures, overlay + ": Secret " + secret + " is explained in docs/operations.md", guide.contains("`" + documented + "`"));
            }
        }
        assertEquals(List.of(), failures);
    }

    private interface DeploymentCheck {
        void check(String overlay, JsonNode deployment);
    }

    private static void forEachDeployment(DeploymentCheck check) {
        for (String overlay : OVERLAYS) {
            List<JsonNode> deployments = ofKind(overlay, "Deployment").toList();
            assertEquals(4, deployments.size(), overlay + ": the three services and the gateway");
            deployments.forEach(deployment -> check.check(overlay, deployment));
        }
    }

    private static Stream<JsonNode> ofKind(String overlay, String kind) {
        return objects.get(overlay).stream().filter(o -> kind.equals(o.at("/kind").asText()));
    }

    private static String name(JsonNode object) {
        return object.at("/metadata/name").asText();
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Whether a selector (plain labels, or a label selector with matchLabels and Exists expressions) picks those labels. */
    private static boolean selects(JsonNode selector, JsonNode labels) {
        JsonNode matchLabels = selector.has("matchLabels") || selector.has("matchExpressions") ? selector.at("/matchLabels") : selector;
        for (var entry : iterable(matchLabels)) {
            if (!entry.getValue().asText().equals(labels.path(entry.getKey()).asText(null))) {
                return false;
            }
        }
        for (JsonNode expression : selector.at("/matchExpressions")) {
            String key = expression.at("/key").asText();
            boolean present = labels.has(key);
            switch (expression.at("/operator").asText()) {
                case "Exists" -> {
                    if (!present) {
                        return false;
                    }
                }
                case "In" -> {
                    if (!present || !texts(expression.at("/values")).contains(labels.get(key).asText())) {
                        return false;
                    }
                }
                default -> throw new AssertionError("selector operator not understood by this test: " + expression);
            }
        }
        return true;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object.isObject() ? () -> object.fields() : List.<Map.Entry<String, JsonNode>>of();
    }

    /** A network policy peer in words: "pods name=gateway", "namespace monitoring", ... */
    private static String peerName(JsonNode peer) {
        if (peer.has("namespaceSelector")) {
            return "namespace " + peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText("?");
        }
        if (peer.has("podSelector")) {
            List<String> labels = new ArrayList<>();
            for (var entry : iterable(peer.at("/podSelector/matchLabels"))) {
                labels.add(entry.getKey().replace("app.kubernetes.io/", "") + "=" + entry.getValue().asText());
            }
            peer.at("/podSelector/matchExpressions").forEach(e -> labels.add(e.at("/key").asText() + " " + e.at("/operator").asText()));
            return "pods " + String.join(",", labels);
        }
        return "anywhere: " + peer;
    }

    private static void expect(List<String> failures, String what, boolean holds) {
        if (!holds) {
            failures.add(what);
        }
    }

    private static String run(List<String> command, int timeoutSeconds) {
        try {
            Process process = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true).start();
            byte[] output;
            try (var in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s");
            }
            String text = new String(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "):\n" + text);
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0) + " (kubectl and Node.js with npm are needed here)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
