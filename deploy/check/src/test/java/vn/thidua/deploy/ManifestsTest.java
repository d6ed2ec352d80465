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
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every overlay of deploy/kubernetes renders, validates strictly (unknown fields refused) against the
 * Kubernetes models and the CRDs of the pinned Strimzi, CloudNativePG, Barman Cloud Plugin and
 * Gateway API versions, names only objects that exist (or that an operator makes), and holds what running the system safely needs: hardened, probed and
 * bounded Deployments, each with its Service, autoscaler and disruption budget; network policies
 * that let only the gateway in from outside and each service in only from the gateway; topics that
 * fit the consumers; no secret value anywhere. Failures name the overlay and the object.
 */
class ManifestsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path KUBERNETES = MODULE.resolve("../kubernetes").normalize();
    private static final Path OPERATIONS_GUIDE = MODULE.resolve("../../docs/operations.md").normalize();
    private static final List<String> OVERLAYS = List.of("dev", "production", "production-zones");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Path> files = new LinkedHashMap<>();
    private static final Map<String, List<JsonNode>> objects = new LinkedHashMap<>();

    @BeforeAll
    static void render() throws IOException {
        for (String tool : List.of("kubectl", "node", "npm")) {
            boolean found = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                    .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
            if (!found) {
                throw new AssertionError(tool + " is not on the PATH: deploy/check needs kubectl, Node.js and npm"
                        + ("true".equals(System.getenv("CI")) ? " (CI=true: this check may not be skipped)" : ""));
            }
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), 300);
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
        List<String> command = new ArrayList<>(List.of("node", MODULE.resolve("validate.mjs").toString()));
        files.values().forEach(file -> command.add(file.toString()));
        String report = run(command, 120);
        int total = objects.values().stream().mapToInt(List::size).sum();
        assertTrue(report.contains(total + " objects valid, 0 errors"), report);
    }

    /** Misspelt fields in objects of every kind the overlays use: each one must be refused. */
    @Test
    void strictValidationRefusesEveryInjectedTypo() throws IOException {
        record Typo(String kind, String parent, String field, String misspelt) { }
        List<Typo> typos = List.of(
                new Typo("Deployment", "/spec/template/spec/containers/0", "imagePullPolicy", "imagePullPolicyy"),
                new Typo("Deployment", "/spec/template/metadata", "labels", "lables"),
                new Typo("Service", "/spec", "selector", "selectr"),
                new Typo("ConfigMap", "", "data", "dat"),
                new Typo("HorizontalPodAutoscaler", "/spec", "maxReplicas", "maxReplica"),
                new Typo("PodDisruptionBudget", "/spec", "maxUnavailable", "maxUnavailabel"),
                new Typo("NetworkPolicy", "/spec", "policyTypes", "policyType"),
                new Typo("Kafka", "/spec/kafka", "version", "versio"),
                new Typo("KafkaNodePool", "/spec", "roles", "role"),
                new Typo("KafkaTopic", "/spec", "partitions", "partiton"),
                new Typo("Cluster", "/spec", "storage", "storag"),
                new Typo("ScheduledBackup", "/spec", "immediate", "immediat"),
                new Typo("ObjectStore", "/spec", "retentionPolicy", "retentionPolicyy"),
                new Typo("Gateway", "/spec/listeners/0", "allowedRoutes", "allowedRoute"),
                new Typo("HTTPRoute", "/spec/rules/0", "timeouts", "timeout"));
        StringBuilder yaml = new StringBuilder();
        for (Typo typo : typos) {
            JsonNode object = ofKind("production", typo.kind()).reduce((a, b) -> b.at(typo.parent()).has(typo.field()) ? b : a)
                    .orElseThrow(() -> new AssertionError("production has no " + typo.kind())).deepCopy();
            var parent = (com.fasterxml.jackson.databind.node.ObjectNode) object.at(typo.parent());
            assertTrue(parent.has(typo.field()), typo + ": the field to misspell is not there");
            parent.set(typo.misspelt(), parent.remove(typo.field()));
            yaml.append("---\n").append(YAML.writeValueAsString(object));
        }
        Path file = Files.writeString(MODULE.resolve("target/rendered/typos.yaml"), yaml.toString());
        String report = runAllowingFailure(List.of("node", MODULE.resolve("validate.mjs").toString(), file.toString()));
        List<String> missed = new ArrayList<>();
        for (Typo typo : typos) {
            boolean caught = report.lines().anyMatch(line -> line.startsWith("ERROR") && line.contains(" " + typo.kind() + " ")
                    && line.contains(typo.misspelt()));
            expect(missed, typo.kind() + " " + typo.parent() + "/" + typo.misspelt() + " is refused", caught);
        }
        assertEquals(List.of(), missed, report);
        assertTrue(report.contains("0 objects valid, " + typos.size() + " errors"), report);
    }

    /** Every Service host and port, ConfigMap, Secret and key that an object names is there, or made by an operator. */
    @Test
    void everyNameAnObjectUsesExists() {
        List<String> failures = new ArrayList<>();
        OVERLAYS.forEach(overlay -> failures.addAll(References.dangling(overlay, objects.get(overlay))));
        assertEquals(List.of(), failures);
    }

    /** The defect that reached the first install: Strimzi's bootstrap Service is <cluster>-kafka-bootstrap. */
    @Test
    void theReferenceCheckCatchesAWrongKafkaBootstrapNameAPortAndASecret() {
        List<JsonNode> broken = objects.get("production").stream().<JsonNode>map(JsonNode::deepCopy).toList();
        for (JsonNode object : broken) {
            if (name(object).equals("thidua-kafka-client")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) object.at("/data"))
                        .put("KAFKA_BOOTSTRAP_SERVERS", "thidua-kafka-bootstrap:9092");
            }
            if (name(object).equals("units-service") && object.at("/kind").asText().equals("ConfigMap")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) object.at("/data"))
                        .put("THIDUA_UNITS_DB_URL", "jdbc:postgresql://pg-units-rw:5433/units");
            }
            if (name(object).equals("scoring-service") && object.at("/kind").asText().equals("Deployment")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) object.at("/spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef"))
                        .put("name", "pg-scoring-credentials");
            }
        }
        String problems = String.join("\n", References.dangling("production", broken));
        assertTrue(problems.contains("KAFKA_BOOTSTRAP_SERVERS (from ConfigMap thidua-kafka-client): host thidua-kafka-bootstrap is no Service"), problems);
        assertTrue(problems.contains("Service pg-units-rw has no port 5433"), problems);
        assertTrue(problems.contains("Secret pg-scoring-credentials is neither made by an operator"), problems);
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
            expect(failures, overlay + " " + name + ": no replicas, which the autoscaler owns (an apply would reset them)",
                    deployment.at("/spec/replicas").isMissingNode());
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
            expect(failures, overlay + ": a default deny of all ingress and egress", ofKind(overlay, "NetworkPolicy")
                    .anyMatch(p -> p.at("/spec/podSelector").isEmpty() && texts(p.at("/spec/policyTypes")).equals(Set.of("Ingress", "Egress"))
                            && p.at("/spec/ingress").isMissingNode() && p.at("/spec/egress").isMissingNode()));
            expect(failures, overlay + ": no Ingress (the way in is the Gateway API)", ofKind(overlay, "Ingress").findAny().isEmpty());
            ofKind(overlay, "HTTPRoute").forEach(route -> {
                for (JsonNode rule : route.at("/spec/rules")) {
                    for (JsonNode backend : rule.at("/backendRefs")) {
                        expect(failures, overlay + " HTTPRoute " + name(route) + ": leads only to the gateway",
                                "gateway".equals(backend.at("/name").asText()));
                    }
                    for (JsonNode match : rule.at("/matches")) {
                        expect(failures, overlay + " HTTPRoute " + name(route) + ": operations endpoints stay inside, not " + match.at("/path/value").asText(),
                                !match.at("/path/value").asText().matches("/|/q|/q/(health|metrics).*"));
                    }
                    expect(failures, overlay + " HTTPRoute " + name(route) + ": each rule either redirects or names its paths",
                            rule.has("matches") || rule.at("/filters/0/type").asText().equals("RequestRedirect"));
                }
            });
            ofKind(overlay, "Gateway").forEach(gateway -> gateway.at("/spec/listeners").forEach(listener ->
                    expect(failures, overlay + " Gateway " + name(gateway) + " " + listener.at("/name").asText() + ": HTTPS, or HTTP that only redirects",
                            listener.at("/protocol").asText().equals("HTTPS") ? listener.at("/tls/certificateRefs/0/name").isTextual()
                                    : ofKind(overlay, "HTTPRoute").filter(r -> r.at("/spec/parentRefs/0/sectionName").asText().equals(listener.at("/name").asText()))
                                    .allMatch(r -> r.at("/spec/rules/0/filters/0/type").asText().equals("RequestRedirect")))));
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
                                ? Set.of("namespace envoy-gateway-system", "namespace monitoring", "pods component=service")
                                : Set.of("pods name=gateway", "namespace monitoring");
                        expect(failures, at + "let in " + allowed, acceptable.contains(allowed));
                    }
                }
            }
            // egress: exactly the flows the workload needs
            String own = gateway ? "pg-gateway" : "pg-" + name(deployment).replace("-service", "");
            Set<String> expected = new TreeSet<>(Set.of(
                    "namespace kube-system pods k8s-app=kube-dns :53/UDP :53/TCP",
                    "pods cnpg.io/cluster=" + own + ",cnpg.io/instanceRole=primary :5432/TCP"));
            if (gateway) {
                expected.add("pods component=service :8080/TCP");
            } else {
                expected.add("pods name=gateway :8080/TCP");
                expected.add("pods strimzi.io/broker-role=true,strimzi.io/cluster=thidua-kafka :9092/TCP");
            }
            if (name(deployment).equals("awards-service")) {
                expected.add("outside the cluster (0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]) :443/TCP");
            }
            Set<String> flows = new TreeSet<>();
            policies.forEach(p -> p.at("/spec/egress").forEach(rule -> rule.at("/to").forEach(peer -> flows.add(flow(peer, rule.at("/ports"))))));
            expect(failures, overlay + " " + name(deployment) + ": egress exactly " + expected + ", not " + flows, flows.equals(expected));
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

    /** An egress peer and its ports in words. */
    private static String flow(JsonNode peer, JsonNode ports) {
        StringBuilder text = new StringBuilder();
        if (peer.has("ipBlock")) {
            text.append("outside the cluster (").append(peer.at("/ipBlock/cidr").asText());
            if (peer.at("/ipBlock/except").size() > 0) {
                List<String> except = new ArrayList<>();
                peer.at("/ipBlock/except").forEach(e -> except.add(e.asText()));
                text.append(" except ").append(except);
            }
            text.append(")");
        } else {
            if (peer.has("namespaceSelector")) {
                text.append(peerName(((com.fasterxml.jackson.databind.node.ObjectNode) peer.deepCopy()).without("podSelector")));
                if (peer.has("podSelector")) {
                    text.append(" ");
                }
            }
            if (peer.has("podSelector")) {
                text.append(peerName(((com.fasterxml.jackson.databind.node.ObjectNode) peer.deepCopy()).without("namespaceSelector")));
            }
        }
        if (ports.isMissingNode() || ports.isEmpty()) {
            text.append(" :any");
        }
        ports.forEach(p -> text.append(" :").append(p.at("/port").asText()).append("/").append(p.at("/protocol").asText("TCP")));
        return text.toString();
    }

    @Test
    void kafkaFitsTheRestrictedLevelAndNeedsNoZoneLabels() {
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            ofKind(overlay, "Kafka").forEach(kafka -> {
                String at = overlay + " Kafka " + name(kafka) + ": ";
                expect(failures, at + "a pinned Kafka version", kafka.at("/spec/kafka/version").asText().matches("\\d+\\.\\d+\\.\\d+"));
                expect(failures, at + "rack awareness (zone labels) only in production-zones",
                        kafka.at("/spec/kafka/rack").isMissingNode() != overlay.equals("production-zones"));
                int brokers = ofKind(overlay, "KafkaNodePool").filter(p -> texts(p.at("/spec/roles")).contains("broker"))
                        .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
                expect(failures, at + "Cruise Control where there are brokers to balance (KafkaRebalance, docs/operations.md)",
                        kafka.has("spec") && kafka.at("/spec/cruiseControl").isMissingNode() == (brokers < 2));
                restricted(failures, at + "entity operator", kafka.at("/spec/entityOperator/template/pod"),
                        kafka.at("/spec/entityOperator/template/topicOperatorContainer"));
                if (!kafka.at("/spec/cruiseControl").isMissingNode()) {
                    restricted(failures, at + "Cruise Control", kafka.at("/spec/cruiseControl/template/pod"),
                            kafka.at("/spec/cruiseControl/template/cruiseControlContainer"));
                }
            });
            ofKind(overlay, "KafkaNodePool").forEach(pool -> restricted(failures, overlay + " KafkaNodePool " + name(pool),
                    pool.at("/spec/template/pod"), pool.at("/spec/template/kafkaContainer")));
            if (!overlay.equals("dev")) {
                expect(failures, overlay + ": controllers and brokers in separate node pools", ofKind(overlay, "KafkaNodePool")
                        .allMatch(p -> p.at("/spec/roles").size() == 1)
                        && ofKind(overlay, "KafkaNodePool").anyMatch(p -> texts(p.at("/spec/roles")).equals(Set.of("controller"))
                        && p.at("/spec/replicas").asInt() == 3));
            }
        }
        assertEquals(List.of(), failures);
    }

    private static void restricted(List<String> failures, String at, JsonNode pod, JsonNode container) {
        expect(failures, at + ": pod runAsNonRoot", pod.at("/securityContext/runAsNonRoot").asBoolean(false));
        expect(failures, at + ": pod seccomp RuntimeDefault", "RuntimeDefault".equals(pod.at("/securityContext/seccompProfile/type").asText()));
        expect(failures, at + ": container no privilege escalation", !container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        expect(failures, at + ": container drops all capabilities", texts(container.at("/securityContext/capabilities/drop")).contains("ALL"));
    }

    @Test
    void databasesAreBackedUpThroughTheBarmanCloudPluginFromTheFirstDay() {
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            for (JsonNode object : objects.get(overlay)) {
                expect(failures, overlay + " " + name(object) + ": no in-tree barmanObjectStore (removed in CloudNativePG 1.31)",
                        object.findValues("barmanObjectStore").isEmpty());
            }
            if (overlay.equals("dev")) {
                continue;
            }
            ofKind(overlay, "Cluster").forEach(cluster -> {
                String at = overlay + " " + name(cluster) + ": ";
                expect(failures, at + "WAL archived by the Barman Cloud Plugin", StreamSupport.stream(cluster.at("/spec/plugins").spliterator(), false)
                        .anyMatch(p -> p.at("/name").asText().equals("barman-cloud.cloudnative-pg.io") && p.at("/isWALArchiver").asBoolean(false)));
                expect(failures, at + "a ScheduledBackup through the plugin, the first one at once", ofKind(overlay, "ScheduledBackup")
                        .anyMatch(b -> b.at("/spec/cluster/name").asText().equals(name(cluster)) && b.at("/spec/immediate").asBoolean(false)
                                && b.at("/spec/method").asText().equals("plugin")));
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
                if (Set.of("thidua.units.v1", "thidua.clusters.v1").contains(topic.at("/spec/topicName").asText())) {
                    expect(failures, at + "compacted: read models are rebuilt from it (docs/events.md)",
                            "compact".equals(topic.at("/spec/config/cleanup.policy").asText()) && topic.at("/spec/config/retention.ms").isMissingNode());
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
                object.findValues("certificateRefs").forEach(c -> c.findValues("name").forEach(n -> referenced.add(n.asText())));
            }
            for (String secret : referenced) {
                // the operator-made database credentials are documented once as pg-<name>-app
                String documented = secret.matches("pg-[a-z]+-app") ? "pg-<name>-app" : secret;
                expect(failures, overlay + ": Secret " + secret + " is explained in docs/operations.md", guide.contains("`" + documented + "`"));
            }
        }
        assertEquals(List.of(), failures);
    }

    /** The guide's supported versions and install steps name the versions whose schemas the manifests are checked against. */
    @Test
    void theGuideInstallsTheVersionsTheManifestsAreCheckedAgainst() throws IOException {
        String guide = Files.readString(OPERATIONS_GUIDE, StandardCharsets.UTF_8);
        String versions = guide.substring(guide.indexOf("## Supported versions"), guide.indexOf("\n## ", guide.indexOf("## Supported versions") + 3));
        String install = guide.substring(guide.indexOf("## Install"), guide.indexOf("\n## ", guide.indexOf("## Install") + 3));
        Map<String, String> rows = Map.of("strimzi", "| Strimzi | ", "cloudnative-pg", "| CloudNativePG | ",
                "plugin-barman-cloud", "| Barman Cloud Plugin | ", "gateway-api", "| Gateway API | ");
        List<String> failures = new ArrayList<>();
        try (Stream<Path> folders = Files.list(MODULE.resolve("schemas"))) {
            for (Path folder : folders.filter(Files::isDirectory).toList()) {
                String name = folder.getFileName().toString();
                String project = name.substring(0, name.lastIndexOf('-'));
                String version = name.substring(name.lastIndexOf('-') + 1);
                String minor = version.substring(0, version.lastIndexOf('.'));
                String row = rows.get(project);
                expect(failures, name + ": a row in \"Supported versions\"", row != null && versions.contains(row));
                if (row != null && versions.contains(row)) {
                    String line = versions.substring(versions.indexOf(row)).lines().findFirst().orElse("");
                    expect(failures, name + ": the guide supports " + version + ", not " + line, line.contains(version) || line.contains(minor + ".x"));
                }
                expect(failures, name + ": the install steps install " + version, install.contains(version));
            }
        }
        ofKind("production", "Kafka").forEach(kafka -> expect(failures, "the guide names Kafka " + kafka.at("/spec/kafka/version").asText(),
                versions.contains(kafka.at("/spec/kafka/version").asText())));
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

    /** Runs a command that may fail (node exits 1 when it finds errors) and returns what it printed. */
    private static String runAllowingFailure(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true).start();
            String text;
            try (var in = process.getInputStream()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            process.waitFor(120, TimeUnit.SECONDS);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
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
