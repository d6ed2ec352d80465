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
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every overlay of deploy/kubernetes renders, validates strictly (unknown fields refused) against the
 * Kubernetes models and the CRDs of the pinned Strimzi, CloudNativePG, Barman Cloud Plugin, Gateway
 * API and Prometheus Operator versions, names only objects that exist (or that an operator makes),
 * and holds what running the system safely needs: hardened, probed and bounded Deployments, each
 * with its Service, autoscaler and disruption budget, health and metrics on the management port;
 * network policies that let only the gateway in from outside, each service in only from the gateway
 * and monitoring only to the management port; Kafka over TLS with SCRAM, each service its own
 * KafkaUser with exactly the ACLs it needs; topics that fit the consumers; production scraped and
 * alerted on; no secret value anywhere. Failures name the overlay and the object.
 */
class ManifestsTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path KUBERNETES = MODULE.resolve("../kubernetes").normalize();
    private static final Path OPERATIONS_GUIDE = MODULE.resolve("../../docs/operations.md").normalize();
    private static final List<String> OVERLAYS = List.of("dev", "production", "production-zones");
    /** Manifests in no overlay that the runbooks apply for a task (docs/operations.md, "Runbooks"). */
    private static final Path OPS = KUBERNETES.resolve("ops");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Map<String, Path> files = new LinkedHashMap<>();
    private static final Map<String, List<JsonNode>> objects = new LinkedHashMap<>();
    private static final List<Path> opsFiles = new ArrayList<>();
    private static final List<JsonNode> opsObjects = new ArrayList<>();

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
        try (Stream<Path> ops = Files.list(OPS)) {
            for (Path file : ops.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                opsFiles.add(file);
                YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile()).forEachRemaining(node -> {
                    if (node != null && !node.isNull() && !node.isMissingNode()) {
                        opsObjects.add(node);
                    }
                });
            }
        }
    }

    @Test
    void everyObjectOfEveryOverlayValidatesAgainstItsSchema() {
        List<String> command = new ArrayList<>(List.of("node", MODULE.resolve("validate.mjs").toString()));
        files.values().forEach(file -> command.add(file.toString()));
        opsFiles.forEach(file -> command.add(file.toString()));
        String report = run(command, 120);
        int total = objects.values().stream().mapToInt(List::size).sum() + opsObjects.size();
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
                new Typo("KafkaUser", "/spec/authorization/acls/0/resource", "patternType", "patternTyp"),
                new Typo("PodMonitor", "/spec/podMetricsEndpoints/0", "port", "prot"),
                new Typo("PrometheusRule", "/spec/groups/0/rules/0", "annotations", "anotations"),
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
        // the runbooks' manifests (deploy/kubernetes/ops) are applied into an installed overlay
        OVERLAYS.forEach(overlay -> failures.addAll(References.dangling(overlay,
                Stream.concat(objects.get(overlay).stream(), opsObjects.stream()).toList())));
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

    /** Strimzi's names for a KafkaUser's Secret and the cluster CA, the file a setting names in a mounted Secret, an ACL's topic. */
    @Test
    void theReferenceCheckCatchesAWrongKafkaUserSecretCaFileAndAclTopic() {
        List<JsonNode> broken = objects.get("production").stream().<JsonNode>map(JsonNode::deepCopy).toList();
        for (JsonNode object : broken) {
            String kind = object.at("/kind").asText();
            if (kind.equals("Deployment") && name(object).equals("awards-service")) {
                for (JsonNode env : object.at("/spec/template/spec/containers/0/env")) {
                    if (env.at("/name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                        // the Secret is named after the KafkaUser, nothing appended
                        ((com.fasterxml.jackson.databind.node.ObjectNode) env.at("/valueFrom/secretKeyRef")).put("name", "awards-service-kafka");
                    }
                }
            }
            if (kind.equals("Deployment") && name(object).equals("units-service")) {
                for (JsonNode env : object.at("/spec/template/spec/containers/0/env")) {
                    if (env.at("/name").asText().equals("KAFKA_SASL_JAAS_CONFIG")) {
                        // a key of a TLS user's Secret, not of a SCRAM user's
                        ((com.fasterxml.jackson.databind.node.ObjectNode) env.at("/valueFrom/secretKeyRef")).put("key", "user.password");
                    }
                }
            }
            if (kind.equals("ConfigMap") && name(object).equals("thidua-kafka-client")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) object.at("/data")).put("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/thidua/kafka-ca/ca.pem");
            }
            if (kind.equals("KafkaUser") && name(object).equals("scoring-service")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) object.at("/spec/authorization/acls/0/resource")).put("name", "thidua.scoring.result.v1");
            }
        }
        String problems = String.join("\n", References.dangling("production", broken));
        assertTrue(problems.contains("env KAFKA_SASL_JAAS_CONFIG: Secret awards-service-kafka is neither made by an operator"), problems);
        assertTrue(problems.contains("env KAFKA_SASL_JAAS_CONFIG: Secret units-service has no key user.password"), problems);
        assertTrue(problems.contains("KAFKA_SSL_TRUSTSTORE_LOCATION (from ConfigMap thidua-kafka-client): file /etc/thidua/kafka-ca/ca.pem is not in the volume"), problems);
        assertTrue(problems.contains("KafkaUser scoring-service: ACL on topic thidua.scoring.result.v1, which no KafkaTopic"), problems);
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
            List<String> annotations = new ArrayList<>();
            deployment.at("/spec/template/metadata/annotations").fieldNames().forEachRemaining(annotations::add);
            expect(failures, at + "no prometheus.io annotations (the PodMonitor scrapes the management port): " + annotations,
                    annotations.stream().noneMatch(a -> a.startsWith("prometheus.io/")));
            for (JsonNode container : pod.at("/containers")) {
                String c = at + container.at("/name").asText() + ": ";
                expect(failures, c + "cpu request", container.at("/resources/requests/cpu").isTextual() || container.at("/resources/requests/cpu").isNumber());
                expect(failures, c + "memory request", container.at("/resources/requests/memory").isTextual());
                expect(failures, c + "memory limit", container.at("/resources/limits/memory").isTextual());
                expect(failures, c + "startup probe", "/q/health/started".equals(container.at("/startupProbe/httpGet/path").asText()));
                expect(failures, c + "readiness probe", "/q/health/ready".equals(container.at("/readinessProbe/httpGet/path").asText()));
                expect(failures, c + "liveness probe", "/q/health/live".equals(container.at("/livenessProbe/httpGet/path").asText()));
                // health and metrics on Quarkus's management interface (9000), no longer on the API port
                Map<String, Integer> ports = new TreeMap<>();
                container.at("/ports").forEach(p -> ports.put(p.at("/name").asText(), p.at("/containerPort").asInt()));
                expect(failures, c + "ports http 8080 and management 9000, not " + ports, ports.equals(Map.of("http", 8080, "management", 9000)));
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    expect(failures, c + probe + " on the management port, not " + container.at("/" + probe + "/httpGet/port"),
                            "management".equals(container.at("/" + probe + "/httpGet/port").asText()));
                }
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
            // ingress: exactly these peers, each on its port. The monitoring namespace reaches the management
            // port (9000: /q/metrics, /q/health) and never the API on 8080.
            Set<String> expectedIn = gateway
                    ? Set.of("namespace envoy-gateway-system :8080/TCP", "pods component=service :8080/TCP", "namespace monitoring :9000/TCP")
                    : Set.of("pods name=gateway :8080/TCP", "namespace monitoring :9000/TCP");
            Set<String> flowsIn = new TreeSet<>();
            for (JsonNode policy : policies) {
                for (JsonNode rule : policy.at("/spec/ingress")) {
                    expect(failures, overlay + " " + name(deployment) + " via " + name(policy) + ": every rule names who may come",
                            rule.at("/from").size() > 0);
                    rule.at("/from").forEach(peer -> flowsIn.add(flow(peer, rule.at("/ports"))));
                }
            }
            expect(failures, overlay + " " + name(deployment) + ": ingress exactly " + new TreeSet<>(expectedIn) + ", not " + flowsIn,
                    flowsIn.equals(expectedIn));
            // egress: exactly the flows the workload needs
            String own = gateway ? "pg-gateway" : "pg-" + name(deployment).replace("-service", "");
            Set<String> expected = new TreeSet<>(Set.of(
                    "namespace kube-system pods k8s-app=kube-dns :53/UDP :53/TCP",
                    "pods cnpg.io/cluster=" + own + ",cnpg.io/instanceRole=primary :5432/TCP",
                    // traces, OTLP over gRPC to the collector
                    "namespace monitoring :4317/TCP"));
            if (gateway) {
                expected.add("pods component=service :8080/TCP");
            } else {
                expected.add("pods name=gateway :8080/TCP");
                // the TLS + SCRAM listener only (kafkaSpeaksOnlyTlsWithScramAndEachServiceAsItsOwnUser)
                expected.add("pods strimzi.io/broker-role=true,strimzi.io/cluster=thidua-kafka :9093/TCP");
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
                restricted(failures, at + "entity operator's user operator", kafka.at("/spec/entityOperator/template/pod"),
                        kafka.at("/spec/entityOperator/template/userOperatorContainer"));
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

    /**
     * What each service's outbox relay produces to: the TOPIC constants of its code (docs/events.md).
     * The topics it consumes and its dead-letter topics come from its application.properties.
     */
    private static final Map<String, Set<String>> PRODUCES = Map.of(
            "units-service", Set.of("thidua.units.v1", "thidua.clusters.v1", "thidua.people.v1", "thidua.member-statistics.v1"),
            "scoring-service", Set.of("thidua.scoring.registrations.v1", "thidua.scoring.results.v1"),
            "awards-service", Set.of("thidua.awards.votes.v1", "thidua.awards.proposals.v1", "thidua.awards.council.v1"));

    /**
     * Kafka takes clients on TLS listeners with SCRAM-SHA-512 only (no plaintext, no anonymous
     * client), authorizes every request by ACL with no super user of ours (Strimzi adds its own
     * components' certificates), makes the KafkaUsers real (user operator), and admits on the
     * listeners only the services' pods and its own brokers (where the runbooks run the command-line tools).
     */
    @Test
    void kafkaSpeaksOnlyTlsWithScramAndAuthorizesByAcl() {
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            ofKind(overlay, "Kafka").forEach(kafka -> {
                String at = overlay + " Kafka " + name(kafka) + ": ";
                expect(failures, at + "some listener", kafka.at("/spec/kafka/listeners").size() > 0);
                for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                    String l = at + "listener " + listener.at("/name").asText() + " (" + listener.at("/port").asInt() + "): ";
                    expect(failures, l + "TLS", listener.at("/tls").asBoolean(false));
                    expect(failures, l + "SCRAM-SHA-512 authentication", "scram-sha-512".equals(listener.at("/authentication/type").asText()));
                    Set<String> peers = new TreeSet<>();
                    listener.at("/networkPolicyPeers").forEach(peer -> peers.add(peerName(peer)));
                    expect(failures, l + "reachable from the services' pods and the brokers only, not " + peers, peers.equals(Set.of(
                            "pods component=service,part-of=thidua", "pods strimzi.io/broker-role=true,strimzi.io/cluster=" + name(kafka))));
                }
                expect(failures, at + "authorization simple (ACLs)", "simple".equals(kafka.at("/spec/kafka/authorization/type").asText()));
                expect(failures, at + "no super users of ours: " + kafka.at("/spec/kafka/authorization/superUsers"),
                        kafka.at("/spec/kafka/authorization/superUsers").size() == 0);
                expect(failures, at + "the user operator, which makes the KafkaUsers real", kafka.at("/spec/entityOperator/userOperator").isObject());
            });
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Each service connects to the bootstrap Service of a Kafka cluster on a listener with TLS and
     * SCRAM-SHA-512, with the settings that match it, trusting that cluster's CA (Strimzi's Secret
     * &lt;cluster&gt;-cluster-ca-cert, mounted read-only) and authenticating as a KafkaUser of its own (the
     * Secret Strimzi names after the user). The gateway has no Kafka settings and no user.
     */
    @Test
    void eachServiceReachesKafkaAsItsOwnUserOverTlsWithScram() {
        List<String> failures = new ArrayList<>();
        Map<String, String> userOf = new TreeMap<>();
        forEachDeployment((overlay, deployment) -> {
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            Map<String, EnvValue> env = environment(overlay, container);
            String at = overlay + " " + name(deployment) + ": ";
            if (!"service".equals(deployment.at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText())) {
                expect(failures, at + "no Kafka settings, it uses no Kafka: " + env.keySet(), env.keySet().stream().noneMatch(k -> k.startsWith("KAFKA_")));
                expect(failures, at + "no KafkaUser", find(overlay, "KafkaUser", name(deployment)) == null);
                return;
            }
            expect(failures, at + "KAFKA_SECURITY_PROTOCOL=SASL_SSL", "SASL_SSL".equals(env.getOrDefault("KAFKA_SECURITY_PROTOCOL", EnvValue.NONE).value()));
            expect(failures, at + "KAFKA_SASL_MECHANISM=SCRAM-SHA-512", "SCRAM-SHA-512".equals(env.getOrDefault("KAFKA_SASL_MECHANISM", EnvValue.NONE).value()));
            expect(failures, at + "KAFKA_SSL_TRUSTSTORE_TYPE=PEM", "PEM".equals(env.getOrDefault("KAFKA_SSL_TRUSTSTORE_TYPE", EnvValue.NONE).value()));
            String servers = env.getOrDefault("KAFKA_BOOTSTRAP_SERVERS", EnvValue.NONE).value();
            expect(failures, at + "KAFKA_BOOTSTRAP_SERVERS", servers != null);
            Set<String> clusters = new TreeSet<>();
            for (String server : servers == null ? new String[0] : servers.split(",")) {
                String host = server.trim().split(":")[0];
                int port = Integer.parseInt(server.trim().split(":")[1]);
                String cluster = host.replaceFirst("-kafka-bootstrap$", "");
                JsonNode kafka = find(overlay, "Kafka", cluster);
                expect(failures, at + server + " is the bootstrap Service (<cluster>-kafka-bootstrap) of a Kafka of the overlay",
                        host.endsWith("-kafka-bootstrap") && kafka != null);
                if (kafka == null) {
                    continue;
                }
                clusters.add(cluster);
                JsonNode listener = StreamSupport.stream(kafka.at("/spec/kafka/listeners").spliterator(), false)
                        .filter(l -> l.at("/port").asInt() == port).findFirst().orElse(null);
                expect(failures, at + "Kafka " + cluster + " has a listener on " + port, listener != null);
                if (listener != null) {
                    expect(failures, at + "the listener on " + port + " is TLS with SCRAM-SHA-512", listener.at("/tls").asBoolean(false)
                            && "scram-sha-512".equals(listener.at("/authentication/type").asText()));
                }
            }
            expect(failures, at + "one Kafka cluster, not " + clusters, clusters.size() == 1);
            String cluster = clusters.isEmpty() ? "?" : clusters.iterator().next();
            // the password: the Secret of a KafkaUser of its own
            EnvValue jaas = env.getOrDefault("KAFKA_SASL_JAAS_CONFIG", EnvValue.NONE);
            expect(failures, at + "KAFKA_SASL_JAAS_CONFIG from the key sasl.jaas.config of a Secret, not " + jaas,
                    jaas.secret() != null && "sasl.jaas.config".equals(jaas.key()));
            JsonNode user = jaas.secret() == null ? null : find(overlay, "KafkaUser", jaas.secret());
            expect(failures, at + "KAFKA_SASL_JAAS_CONFIG: Secret " + jaas.secret() + " is the one Strimzi names after a KafkaUser of the overlay", user != null);
            if (user != null) {
                expect(failures, at + "KafkaUser " + name(user) + " of Kafka " + cluster,
                        cluster.equals(user.at("/metadata/labels/strimzi.io~1cluster").asText()));
                expect(failures, at + "KafkaUser " + name(user) + " authenticates with SCRAM-SHA-512",
                        "scram-sha-512".equals(user.at("/spec/authentication/type").asText()));
                expect(failures, at + "KafkaUser " + name(user) + " has ACLs (authorization simple)",
                        "simple".equals(user.at("/spec/authorization/type").asText()));
                String other = userOf.put(overlay + "/" + name(user), name(deployment));
                expect(failures, at + "KafkaUser " + name(user) + " is its own, not also " + other + "'s", other == null);
            }
            // the CA: <cluster>-cluster-ca-cert's ca.crt, mounted read-only where the setting says
            String truststore = env.getOrDefault("KAFKA_SSL_TRUSTSTORE_LOCATION", EnvValue.NONE).value();
            boolean trusted = false;
            for (JsonNode mount : container.at("/volumeMounts")) {
                String dir = mount.at("/mountPath").asText().replaceFirst("/$", "");
                if (truststore == null || !truststore.startsWith(dir + "/")) {
                    continue;
                }
                String file = truststore.substring(dir.length() + 1);
                for (JsonNode volume : deployment.at("/spec/template/spec/volumes")) {
                    if (volume.at("/name").asText().equals(mount.at("/name").asText())
                            && (cluster + "-cluster-ca-cert").equals(volume.at("/secret/secretName").asText())) {
                        boolean item = StreamSupport.stream(volume.at("/secret/items").spliterator(), false)
                                .anyMatch(i -> i.at("/key").asText().equals("ca.crt") && i.at("/path").asText().equals(file));
                        trusted = mount.at("/readOnly").asBoolean(false) && (item || volume.at("/secret/items").isEmpty() && file.equals("ca.crt"));
                    }
                }
            }
            expect(failures, at + "KAFKA_SSL_TRUSTSTORE_LOCATION " + truststore + " is ca.crt of Secret " + cluster
                    + "-cluster-ca-cert, mounted read-only", trusted);
        });
        assertEquals(List.of(), failures);
    }

    /**
     * Each service's KafkaUser allows exactly what the service does, no more: Write on the topics its
     * outbox produces to (PRODUCES) and on its dead-letter topics; Read and Describe on the topics it
     * consumes, Read on its consumer group (both from its application.properties). Every one of these
     * topics is declared by a KafkaTopic (topics are not created on first use). A topic constant in a
     * service's code that is neither produced nor consumed fails too: add it here and to the KafkaUser.
     */
    @Test
    void eachServicesAclsGrantExactlyTheTopicsAndGroupsItUses() throws IOException {
        List<String> failures = new ArrayList<>();
        Map<String, Set<String>> needs = new TreeMap<>();
        for (String service : PRODUCES.keySet()) {
            needs.put(service, kafkaNeeds(service, failures));
        }
        for (String overlay : OVERLAYS) {
            Set<String> topics = new TreeSet<>();
            ofKind(overlay, "KafkaTopic").forEach(t -> topics.add(t.at("/spec/topicName").asText(name(t))));
            ofKind(overlay, "Deployment").filter(d -> PRODUCES.containsKey(name(d))).forEach(deployment -> {
                String service = name(deployment);
                String at = overlay + " " + service + ": ";
                EnvValue jaas = environment(overlay, deployment.at("/spec/template/spec/containers/0"))
                        .getOrDefault("KAFKA_SASL_JAAS_CONFIG", EnvValue.NONE);
                JsonNode user = jaas.secret() == null ? null : find(overlay, "KafkaUser", jaas.secret());
                if (user == null) {
                    failures.add(at + "no KafkaUser (eachServiceReachesKafkaAsItsOwnUserOverTlsWithScram)");
                    return;
                }
                Set<String> granted = new TreeSet<>();
                for (JsonNode acl : user.at("/spec/authorization/acls")) {
                    String resource = acl.at("/resource/type").asText() + " " + acl.at("/resource/name").asText();
                    expect(failures, at + "KafkaUser " + name(user) + ": allow rules only, not " + acl, acl.at("/type").asText("allow").equals("allow"));
                    expect(failures, at + "KafkaUser " + name(user) + ": " + resource + " by its literal name, not a "
                            + acl.at("/resource/patternType").asText() + " pattern", acl.at("/resource/patternType").asText("literal").equals("literal"));
                    acl.at("/operations").forEach(op -> granted.add(resource + " " + op.asText()));
                }
                Set<String> missing = new TreeSet<>(needs.get(service));
                missing.removeAll(granted);
                Set<String> extra = new TreeSet<>(granted);
                extra.removeAll(needs.get(service));
                expect(failures, at + "KafkaUser " + name(user) + " lacks " + missing, missing.isEmpty());
                expect(failures, at + "KafkaUser " + name(user) + " grants more than the service uses: " + extra, extra.isEmpty());
                needs.get(service).stream().filter(n -> n.startsWith("topic ")).map(n -> n.split(" ")[1]).distinct().forEach(topic ->
                        expect(failures, at + "topic " + topic + " is declared by a KafkaTopic", topics.contains(topic)));
            });
        }
        assertEquals(List.of(), failures);
    }

    /** "topic T Write", "topic T Read", "group G Read", ... for what a service does with Kafka. */
    private static Set<String> kafkaNeeds(String service, List<String> failures) throws IOException {
        Path module = MODULE.resolve("../..").resolve(service).normalize();
        java.util.Properties properties = new java.util.Properties();
        try (var reader = Files.newBufferedReader(module.resolve("src/main/resources/application.properties"), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Set<String> needs = new TreeSet<>();
        PRODUCES.get(service).forEach(topic -> needs.add("topic " + topic + " Write"));
        Set<String> consumed = new TreeSet<>();
        java.util.regex.Pattern channel = java.util.regex.Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.connector");
        for (String key : properties.stringPropertyNames()) {
            var m = channel.matcher(key);
            if (!m.matches() || !"smallrye-kafka".equals(properties.getProperty(key))) {
                continue;
            }
            String prefix = "mp.messaging." + m.group(1) + "." + m.group(2) + ".";
            String topicList = properties.getProperty(prefix + "topics", properties.getProperty(prefix + "topic", m.group(2)));
            for (String topic : topicList.split(",")) {
                if (m.group(1).equals("outgoing")) {
                    needs.add("topic " + topic.trim() + " Write");
                    continue;
                }
                consumed.add(topic.trim());
                needs.add("topic " + topic.trim() + " Read");
                needs.add("topic " + topic.trim() + " Describe");
            }
            if (m.group(1).equals("incoming")) {
                // Quarkus: without group.id, the application's name
                needs.add("group " + properties.getProperty(prefix + "group.id", properties.getProperty("quarkus.application.name")) + " Read");
                if ("dead-letter-queue".equals(properties.getProperty(prefix + "failure-strategy"))) {
                    needs.add("topic " + properties.getProperty(prefix + "dead-letter-queue.topic", "dead-letter-topic-" + m.group(2)) + " Write");
                }
            }
        }
        // a topic the code names that is neither in PRODUCES nor consumed: a new event stream without its ACL
        java.util.regex.Pattern constant = java.util.regex.Pattern.compile("\\b\\w*TOPIC\\s*=\\s*\"([^\"]+)\"");
        try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
            for (Path source : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = constant.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    expect(failures, service + ": " + module.relativize(source) + " names topic " + m.group(1)
                            + ", which it neither produces (ManifestsTest.PRODUCES, its KafkaUser) nor consumes",
                            PRODUCES.get(service).contains(m.group(1)) || consumed.contains(m.group(1)));
                }
            }
        }
        return needs;
    }

    /** Traces go to an OTLP collector each workload may reach, and only where one is named; logs are JSON. */
    @Test
    void tracesGoToACollectorTheWorkloadsReachAndLogsAreJson() {
        List<String> failures = new ArrayList<>();
        forEachDeployment((overlay, deployment) -> {
            Map<String, EnvValue> env = environment(overlay, deployment.at("/spec/template/spec/containers/0"));
            String at = overlay + " " + name(deployment) + ": ";
            expect(failures, at + "JSON logs (QUARKUS_LOG_CONSOLE_JSON_ENABLED=true)",
                    "true".equals(env.getOrDefault("QUARKUS_LOG_CONSOLE_JSON_ENABLED", EnvValue.NONE).value()));
            boolean tracing = "false".equals(env.getOrDefault("QUARKUS_OTEL_SDK_DISABLED", EnvValue.NONE).value());
            String endpoint = env.getOrDefault("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", EnvValue.NONE).value();
            expect(failures, at + "tracing on in production, off in dev", tracing == !overlay.equals("dev"));
            expect(failures, at + "tracing on exactly where an OTLP endpoint is set", tracing == (endpoint != null));
            if (endpoint != null) {
                var url = java.net.URI.create(endpoint);
                String[] host = url.getHost().split("\\.");
                String namespace = host.length >= 2 ? host[1] : "?";
                JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
                Set<String> flows = new TreeSet<>();
                ofKind(overlay, "NetworkPolicy").filter(p -> selects(p.at("/spec/podSelector"), podLabels))
                        .forEach(p -> p.at("/spec/egress").forEach(rule -> rule.at("/to").forEach(peer -> flows.add(flow(peer, rule.at("/ports"))))));
                expect(failures, at + "egress to the collector " + endpoint + " (namespace " + namespace + ", port " + url.getPort() + ")",
                        flows.contains("namespace " + namespace + " :" + url.getPort() + "/TCP"));
            }
        });
        assertEquals(List.of(), failures);
    }

    /**
     * Production is monitored (components/monitoring): a PodMonitor scrapes /q/metrics on the port named
     * "management" (9000) of every pod of the four workloads, the alerts are there, and every dashboard
     * is a ConfigMap Grafana's sidecar loads. dev has none of it (no Prometheus Operator needed there).
     */
    @Test
    void productionScrapesTheManagementPortOfEveryWorkloadAndShipsAlertsAndDashboards() throws IOException {
        List<String> failures = new ArrayList<>();
        for (String overlay : OVERLAYS) {
            boolean monitored = !overlay.equals("dev");
            for (String kind : List.of("PodMonitor", "PrometheusRule")) {
                expect(failures, overlay + ": " + (monitored ? "a " : "no ") + kind, ofKind(overlay, kind).findAny().isPresent() == monitored);
            }
            List<JsonNode> dashboards = ofKind(overlay, "ConfigMap").filter(m -> "1".equals(m.at("/metadata/labels/grafana_dashboard").asText())).toList();
            try (Stream<Path> files = Files.list(KUBERNETES.resolve("../monitoring/dashboards").normalize())) {
                long count = files.filter(f -> f.toString().endsWith(".json")).count();
                expect(failures, overlay + ": " + (monitored ? count : 0) + " dashboard ConfigMaps labelled grafana_dashboard=1, not " + dashboards.size(),
                        dashboards.size() == (monitored ? count : 0));
            }
            for (JsonNode map : dashboards) {
                map.at("/data").fields().forEachRemaining(e -> {
                    try {
                        expect(failures, overlay + " ConfigMap " + name(map) + ": " + e.getKey() + " is a dashboard",
                                e.getKey().endsWith(".json") && new ObjectMapper().readTree(e.getValue().asText()).has("panels"));
                    } catch (IOException ex) {
                        failures.add(overlay + " ConfigMap " + name(map) + ": " + e.getKey() + " is no JSON: " + ex.getMessage());
                    }
                });
            }
            if (!monitored) {
                continue;
            }
            forEachDeploymentOf(overlay, deployment -> {
                JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
                JsonNode container = deployment.at("/spec/template/spec/containers/0");
                boolean scraped = ofKind(overlay, "PodMonitor").filter(m -> selects(m.at("/spec/selector"), podLabels))
                        .flatMap(m -> StreamSupport.stream(m.at("/spec/podMetricsEndpoints").spliterator(), false))
                        .anyMatch(endpoint -> "/q/metrics".equals(endpoint.at("/path").asText())
                                && StreamSupport.stream(container.at("/ports").spliterator(), false).anyMatch(port ->
                                port.at("/name").asText().equals(endpoint.at("/port").asText()) && port.at("/containerPort").asInt() == 9000
                                        && port.at("/name").asText().equals("management")));
                expect(failures, overlay + " " + name(deployment) + ": a PodMonitor scrapes /q/metrics on its port management (9000)", scraped);
            });
        }
        assertEquals(List.of(), failures);
    }

    /**
     * Every thidua-... name the operations guide writes as code (inline or in a command block) is a
     * namespace or an object of an overlay or of deploy/kubernetes/ops, a Secret the administrator
     * creates, or one an operator makes by its naming rules: the runbooks' commands name what is there.
     */
    @Test
    void everyThiduaNameTheGuideUsesExists() throws IOException {
        String guide = Files.readString(OPERATIONS_GUIDE, StandardCharsets.UTF_8);
        Set<String> known = new TreeSet<>(References.ADMINISTRATOR_SECRETS);
        List<JsonNode> all = new ArrayList<>(opsObjects);
        objects.values().forEach(all::addAll);
        for (JsonNode object : all) {
            known.add(name(object));
            if (object.at("/metadata/namespace").isTextual()) {
                known.add(object.at("/metadata/namespace").asText());
            }
            if (object.at("/kind").asText().equals("Kafka")) {
                // Strimzi: Services, CA Secrets, the entity operator and Cruise Control Deployments
                for (String suffix : List.of("-kafka-bootstrap", "-kafka-brokers", "-cluster-ca-cert", "-clients-ca-cert", "-cluster-ca",
                        "-entity-operator", "-cruise-control")) {
                    known.add(name(object) + suffix);
                }
            }
            if (object.at("/kind").asText().equals("KafkaNodePool")) {
                // Strimzi: the pool's pods are <cluster>-<pool>-<node id>
                known.add(object.at("/metadata/labels/strimzi.io~1cluster").asText() + "-" + name(object));
            }
        }
        Set<String> unknown = new TreeSet<>();
        Matcher code = java.util.regex.Pattern.compile("```.*?```|`[^`\n]+`", java.util.regex.Pattern.DOTALL).matcher(guide);
        while (code.find()) {
            Matcher word = java.util.regex.Pattern.compile("(?<![A-Za-z0-9./-])thidua-[a-z0-9-]*[a-z0-9]").matcher(code.group());
            while (word.find()) {
                String name = word.group();
                boolean pod = known.stream().anyMatch(k -> name.matches(java.util.regex.Pattern.quote(k) + "-\\d+"));
                if (!known.contains(name) && !pod) {
                    unknown.add(name);
                }
            }
        }
        assertEquals(Set.of(), unknown, "names in docs/operations.md that no overlay, deploy/kubernetes/ops or operator naming rule makes");
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
                "plugin-barman-cloud", "| Barman Cloud Plugin | ", "gateway-api", "| Gateway API | ",
                "prometheus-operator", "| Prometheus Operator | ");
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

    private static void forEachDeploymentOf(String overlay, java.util.function.Consumer<JsonNode> check) {
        ofKind(overlay, "Deployment").forEach(check);
    }

    private static void forEachDeployment(DeploymentCheck check) {
        for (String overlay : OVERLAYS) {
            List<JsonNode> deployments = ofKind(overlay, "Deployment").toList();
            assertEquals(4, deployments.size(), overlay + ": the three services and the gateway");
            deployments.forEach(deployment -> check.check(overlay, deployment));
        }
    }

    /** A container's environment variable: a literal value, or a Secret's key. */
    private record EnvValue(String value, String secret, String key) {
        static final EnvValue NONE = new EnvValue(null, null, null);
    }

    /** The environment of a container: its ConfigMaps (envFrom, in order), then its own env entries. */
    private static Map<String, EnvValue> environment(String overlay, JsonNode container) {
        Map<String, EnvValue> env = new TreeMap<>();
        for (JsonNode from : container.at("/envFrom")) {
            JsonNode map = from.has("configMapRef") ? find(overlay, "ConfigMap", from.at("/configMapRef/name").asText()) : null;
            if (map != null) {
                map.at("/data").fields().forEachRemaining(e -> env.put(e.getKey(), new EnvValue(e.getValue().asText(), null, null)));
            }
        }
        for (JsonNode e : container.at("/env")) {
            if (e.has("value")) {
                env.put(e.at("/name").asText(), new EnvValue(e.at("/value").asText(), null, null));
            } else if (e.at("/valueFrom").has("secretKeyRef")) {
                env.put(e.at("/name").asText(), new EnvValue(null, e.at("/valueFrom/secretKeyRef/name").asText(), e.at("/valueFrom/secretKeyRef/key").asText()));
            }
        }
        return env;
    }

    private static JsonNode find(String overlay, String kind, String name) {
        return ofKind(overlay, kind).filter(o -> name.equals(name(o))).findFirst().orElse(null);
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
