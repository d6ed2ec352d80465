package vn.thidua.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cross-object checks of one rendered overlay: every Service host and port, ConfigMap, Secret and key
 * that an object names exists in the overlay, or is one an operator makes by its naming rules, or is
 * one of the Secrets the administrator creates (docs/operations.md, "Secrets"). Each dangling name
 * is reported in words: the overlay, the object, where the name was found and what is missing.
 */
final class References {
    /** Secrets the administrator creates before the first apply (docs/operations.md, "Secrets"). */
    static final Set<String> ADMINISTRATOR_SECRETS = Set.of("thidua-jwt", "thidua-first-admin", "thidua-portal", "thidua-tls", "thidua-backup-s3");

    private static final Pattern URL = Pattern.compile("(?:[a-z][a-z0-9+.-]*:)*//([A-Za-z0-9.-]+)(?::(\\d+))?");
    /** CloudNativePG: the keys of the application user's Secret &lt;cluster&gt;-app. */
    private static final Set<String> CNPG_APP_KEYS = Set.of("username", "password", "host", "port", "dbname", "uri", "jdbc-uri", "pgpass", "user");

    private final String overlay;
    private final List<JsonNode> objects;
    private final List<String> problems = new ArrayList<>();
    /** Service name → its ports; null ports: any */
    private final Map<String, Set<Integer>> services = new HashMap<>();
    private final Map<String, Set<String>> configMaps = new HashMap<>();
    /** Secret name → its keys; null: keys unknown (made by the administrator) */
    private final Map<String, Set<String>> secrets = new HashMap<>();
    private final Set<String> kafkaClusters = new TreeSet<>();
    /** topicName of every KafkaTopic */
    private final Set<String> kafkaTopics = new TreeSet<>();
    private final Set<String> namespaces = new TreeSet<>();
    private final Map<String, Set<String>> databasePlugins = new HashMap<>();

    private References(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    static List<String> dangling(String overlay, List<JsonNode> objects) {
        References references = new References(overlay, objects);
        references.collectNames();
        references.check();
        return references.problems;
    }

    private void collectNames() {
        ADMINISTRATOR_SECRETS.forEach(name -> secrets.put(name, null));
        for (JsonNode object : objects) {
            String name = object.at("/metadata/name").asText();
            if (object.at("/metadata/namespace").isTextual()) {
                namespaces.add(object.at("/metadata/namespace").asText());
            }
            switch (object.at("/kind").asText()) {
                case "Service" -> {
                    Set<Integer> ports = new TreeSet<>();
                    object.at("/spec/ports").forEach(p -> ports.add(p.at("/port").asInt()));
                    services.put(name, ports);
                }
                case "ConfigMap" -> {
                    Set<String> keys = new TreeSet<>();
                    object.at("/data").fieldNames().forEachRemaining(keys::add);
                    configMaps.put(name, keys);
                }
                case "Secret" -> secrets.put(name, null);
                case "Kafka" -> {
                    // Strimzi: <cluster>-kafka-bootstrap and <cluster>-kafka-brokers serve the listeners;
                    // <cluster>-cluster-ca-cert and <cluster>-clients-ca-cert hold the CAs
                    kafkaClusters.add(name);
                    Set<Integer> ports = new TreeSet<>();
                    object.at("/spec/kafka/listeners").forEach(l -> ports.add(l.at("/port").asInt()));
                    services.put(name + "-kafka-bootstrap", ports);
                    services.put(name + "-kafka-brokers", ports);
                    secrets.put(name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                    secrets.put(name + "-clients-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                }
                case "KafkaUser" -> {
                    // Strimzi's User Operator: a Secret named after the user, with the keys of its authentication
                    // type (scram-sha-512: password, sasl.jaas.config; tls: the user's certificate and key)
                    Set<String> keys = switch (object.at("/spec/authentication/type").asText()) {
                        case "scram-sha-512" -> Set.of("password", "sasl.jaas.config");
                        case "tls" -> Set.of("ca.crt", "user.crt", "user.key", "user.p12", "user.password");
                        default -> Set.of();
                    };
                    if (!keys.isEmpty()) {
                        secrets.put(name, keys);
                    }
                }
                case "KafkaTopic" -> kafkaTopics.add(object.at("/spec/topicName").asText(name));
                case "Cluster" -> {
                    if (object.at("/apiVersion").asText().startsWith("postgresql.cnpg.io/")) {
                        // CloudNativePG: <cluster>-rw (primary), -ro (replicas), -r (any) on 5432; <cluster>-app credentials
                        for (String suffix : List.of("-rw", "-ro", "-r")) {
                            services.put(name + suffix, Set.of(5432));
                        }
                        secrets.put(name + "-app", CNPG_APP_KEYS);
                        secrets.put(name + "-ca", Set.of("ca.crt", "ca.key"));
                        Set<String> plugins = new TreeSet<>();
                        object.at("/spec/plugins").forEach(p -> plugins.add(p.at("/name").asText()));
                        databasePlugins.put(name, plugins);
                    }
                }
                default -> { }
            }
        }
    }

    private void check() {
        for (JsonNode object : objects) {
            String at = overlay + " " + object.at("/kind").asText() + " " + object.at("/metadata/name").asText();
            JsonNode pod = podSpec(object);
            if (pod != null) {
                checkPod(at, pod);
            }
            switch (object.at("/kind").asText()) {
                case "HorizontalPodAutoscaler" -> expect(exists("Deployment", object.at("/spec/scaleTargetRef/name").asText()),
                        at + ": scales Deployment " + object.at("/spec/scaleTargetRef/name").asText() + ", which is not in the overlay");
                case "HTTPRoute" -> {
                    for (JsonNode parent : object.at("/spec/parentRefs")) {
                        JsonNode gateway = find("Gateway", parent.at("/name").asText());
                        expect(gateway != null, at + ": parent Gateway " + parent.at("/name").asText() + " is not in the overlay");
                        if (gateway != null && parent.has("sectionName")) {
                            boolean listener = false;
                            for (JsonNode l : gateway.at("/spec/listeners")) {
                                listener |= l.at("/name").asText().equals(parent.at("/sectionName").asText());
                            }
                            expect(listener, at + ": Gateway " + parent.at("/name").asText() + " has no listener " + parent.at("/sectionName").asText());
                        }
                    }
                    object.at("/spec/rules").forEach(rule -> rule.at("/backendRefs").forEach(backend ->
                            checkHost(at + " backendRef", backend.at("/name").asText(), backend.at("/port").asInt(0))));
                }
                case "Gateway" -> object.at("/spec/listeners").forEach(l -> l.at("/tls/certificateRefs").forEach(ref ->
                        checkSecret(at + " certificateRef", ref.at("/name").asText(), null)));
                case "KafkaTopic", "KafkaNodePool", "KafkaUser" -> {
                    String cluster = object.at("/metadata/labels/strimzi.io~1cluster").asText();
                    expect(kafkaClusters.contains(cluster), at + ": label strimzi.io/cluster=" + cluster + " names no Kafka of the overlay");
                    // auto.create.topics.enable is false: an ACL on a topic no KafkaTopic declares grants nothing usable
                    for (JsonNode acl : object.at("/spec/authorization/acls")) {
                        if (!acl.at("/resource/type").asText().equals("topic")) {
                            continue;
                        }
                        String topic = acl.at("/resource/name").asText();
                        boolean prefix = acl.at("/resource/patternType").asText("literal").equals("prefix");
                        expect(prefix ? kafkaTopics.stream().anyMatch(t -> t.startsWith(topic)) : kafkaTopics.contains(topic),
                                at + ": ACL on topic " + topic + (prefix ? "*" : "") + ", which no KafkaTopic of the overlay declares");
                    }
                }
                case "ScheduledBackup", "Backup" -> {
                    String cluster = object.at("/spec/cluster/name").asText();
                    expect(databasePlugins.containsKey(cluster), at + ": database Cluster " + cluster + " is not in the overlay");
                    if (object.at("/spec/method").asText().equals("plugin")) {
                        String plugin = object.at("/spec/pluginConfiguration/name").asText();
                        expect(databasePlugins.getOrDefault(cluster, Set.of()).contains(plugin),
                                at + ": plugin " + plugin + " is not configured on Cluster " + cluster);
                    }
                }
                case "Cluster" -> object.at("/spec/plugins").forEach(plugin -> {
                    String store = plugin.at("/parameters/barmanObjectName").asText(null);
                    if (store != null) {
                        expect(exists("ObjectStore", store), at + ": ObjectStore " + store + " is not in the overlay");
                    }
                });
                case "ObjectStore" -> object.at("/spec/configuration/s3Credentials").forEach(ref ->
                        checkSecret(at + " s3Credentials", ref.at("/name").asText(), null));
                case "NetworkPolicy" -> object.findValues("matchLabels").forEach(labels -> {
                    checkLabel(at, labels, "cnpg.io/cluster", name -> databasePlugins.containsKey(name));
                    checkLabel(at, labels, "strimzi.io/cluster", kafkaClusters::contains);
                    checkLabel(at, labels, "app.kubernetes.io/name", name -> exists("Deployment", name));
                });
                default -> { }
            }
        }
    }

    private void checkPod(String at, JsonNode pod) {
        List<JsonNode> containers = new ArrayList<>();
        pod.at("/initContainers").forEach(containers::add);
        pod.at("/containers").forEach(containers::add);
        for (JsonNode container : containers) {
            String c = at + " container " + container.at("/name").asText();
            for (JsonNode from : container.at("/envFrom")) {
                if (from.has("configMapRef")) {
                    String name = from.at("/configMapRef/name").asText();
                    expect(configMaps.containsKey(name), c + " envFrom: ConfigMap " + name + " is not in the overlay");
                    JsonNode map = find("ConfigMap", name);
                    if (map != null) {
                        map.at("/data").fields().forEachRemaining(e -> {
                            String where = c + " env " + e.getKey() + " (from ConfigMap " + name + ")";
                            checkValue(where, e.getKey(), e.getValue().asText());
                            checkFile(where, e.getValue().asText(), pod, container);
                        });
                    }
                }
                if (from.has("secretRef")) {
                    checkSecret(c + " envFrom", from.at("/secretRef/name").asText(), null);
                }
            }
            for (JsonNode env : container.at("/env")) {
                String e = c + " env " + env.at("/name").asText();
                if (env.has("value")) {
                    checkValue(e, env.at("/name").asText(), env.at("/value").asText());
                    checkFile(e, env.at("/value").asText(), pod, container);
                }
                JsonNode secretRef = env.at("/valueFrom/secretKeyRef");
                if (!secretRef.isMissingNode()) {
                    checkSecret(e, secretRef.at("/name").asText(), secretRef.at("/key").asText());
                }
                JsonNode mapRef = env.at("/valueFrom/configMapKeyRef");
                if (!mapRef.isMissingNode()) {
                    String name = mapRef.at("/name").asText();
                    expect(configMaps.getOrDefault(name, Set.of()).contains(mapRef.at("/key").asText()) || mapRef.at("/optional").asBoolean(false),
                            e + ": ConfigMap " + name + " with key " + mapRef.at("/key").asText() + " is not in the overlay");
                }
            }
            Set<String> portNames = new TreeSet<>();
            container.at("/ports").forEach(p -> portNames.add(p.at("/name").asText()));
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode port = container.at("/" + probe + "/httpGet/port");
                if (port.isTextual()) {
                    expect(portNames.contains(port.asText()), c + " " + probe + ": no container port named " + port.asText());
                }
            }
        }
        for (JsonNode volume : pod.at("/volumes")) {
            String v = at + " volume " + volume.at("/name").asText();
            if (volume.has("secret")) {
                checkSecret(v, volume.at("/secret/secretName").asText(), null);
                for (JsonNode item : volume.at("/secret/items")) {
                    checkSecret(v + " item", volume.at("/secret/secretName").asText(), item.at("/key").asText());
                }
            }
            if (volume.has("configMap")) {
                String name = volume.at("/configMap/name").asText();
                expect(configMaps.containsKey(name), v + ": ConfigMap " + name + " is not in the overlay");
            }
            for (JsonNode source : volume.at("/projected/sources")) {
                if (source.has("secret")) {
                    checkSecret(v, source.at("/secret/name").asText(), null);
                }
                if (source.has("configMap")) {
                    String name = source.at("/configMap/name").asText();
                    expect(configMaps.containsKey(name), v + ": ConfigMap " + name + " is not in the overlay");
                }
            }
        }
    }

    /** The hosts a setting names: URLs (jdbc:postgresql://h:p/..., http://h:p/...) and Kafka's host:port lists. */
    private void checkValue(String at, String key, String value) {
        if (key.endsWith("BOOTSTRAP_SERVERS")) {
            for (String server : value.split(",")) {
                String[] hostPort = server.trim().split(":");
                checkHost(at, hostPort[0], hostPort.length > 1 ? Integer.parseInt(hostPort[1]) : 0);
            }
            return;
        }
        Matcher url = URL.matcher(value);
        while (url.find()) {
            int port = url.group(2) != null ? Integer.parseInt(url.group(2))
                    : value.startsWith("https:") ? 443 : value.startsWith("http:") ? 80 : 0;
            checkHost(at, url.group(1), port);
        }
    }

    /**
     * A setting that names a file (/path or file:/path) in a directory where the container mounts a
     * Secret: the Secret has that file, i.e. the key (or the item's path) is one it holds, when its keys
     * are known (made by an operator).
     */
    private void checkFile(String at, String value, JsonNode pod, JsonNode container) {
        String path = value.startsWith("file:") ? value.substring("file:".length()) : value;
        if (!path.startsWith("/")) {
            return;
        }
        for (JsonNode mount : container.at("/volumeMounts")) {
            String dir = mount.at("/mountPath").asText().replaceFirst("/$", "");
            if (!path.startsWith(dir + "/") || mount.has("subPath")) {
                continue;
            }
            String file = path.substring(dir.length() + 1);
            for (JsonNode volume : pod.at("/volumes")) {
                if (!volume.at("/name").asText().equals(mount.at("/name").asText()) || !volume.has("secret")) {
                    continue;
                }
                String secret = volume.at("/secret/secretName").asText();
                Set<String> keys = secrets.get(secret);
                if (volume.at("/secret/items").size() > 0) {
                    Set<String> paths = new TreeSet<>();
                    volume.at("/secret/items").forEach(item -> paths.add(item.at("/path").asText()));
                    expect(paths.contains(file), at + ": file " + path + " is not in the volume " + volume.at("/name").asText()
                            + " of Secret " + secret + " (its items: " + paths + ")");
                } else if (keys != null) {
                    expect(keys.contains(file), at + ": file " + path + " is no key of Secret " + secret + " (it has " + keys + ")");
                }
            }
        }
    }

    private void checkHost(String at, String host, int port) {
        String name = host.replaceFirst("\\.svc(\\.cluster\\.local)?$", "");
        if (name.contains(".")) {
            String[] parts = name.split("\\.");
            if (parts.length != 2 || !namespaces.contains(parts[1])) {
                return; // a host outside the cluster (the portal, object storage)
            }
            name = parts[0];
        }
        Set<Integer> ports = services.get(name);
        if (ports == null) {
            problems.add(at + ": host " + host + " is no Service of the overlay, nor one an operator makes by its naming rules");
        } else if (port != 0 && !ports.contains(port)) {
            problems.add(at + ": Service " + name + " has no port " + port + " (it has " + ports + ")");
        }
    }

    private void checkSecret(String at, String name, String key) {
        if (!secrets.containsKey(name)) {
            problems.add(at + ": Secret " + name + " is neither made by an operator of the overlay nor one the administrator creates");
        } else if (key != null && secrets.get(name) != null && !secrets.get(name).contains(key)) {
            problems.add(at + ": Secret " + name + " has no key " + key);
        }
    }

    private void checkLabel(String at, JsonNode labels, String label, java.util.function.Predicate<String> exists) {
        if (labels.has(label)) {
            String value = labels.get(label).asText();
            expect(exists.test(value), at + ": selects " + label + "=" + value + ", which nothing in the overlay carries");
        }
    }

    private static JsonNode podSpec(JsonNode object) {
        return switch (object.at("/kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet" -> object.at("/spec/template/spec");
            case "CronJob" -> object.at("/spec/jobTemplate/spec/template/spec");
            case "Pod" -> object.at("/spec");
            default -> null;
        };
    }

    private JsonNode find(String kind, String name) {
        for (JsonNode object : objects) {
            if (kind.equals(object.at("/kind").asText()) && name.equals(object.at("/metadata/name").asText())) {
                return object;
            }
        }
        return null;
    }

    private boolean exists(String kind, String name) {
        return find(kind, name) != null;
    }

    private void expect(boolean holds, String problem) {
        if (!holds) {
            problems.add(problem);
        }
    }
}
