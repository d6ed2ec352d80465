package vn.thidua.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * docs/api/asyncapi.yaml as a document: valid for the AsyncAPI parser (pinned in docs/api/package-lock.json,
 * run by validate-asyncapi.mjs), and naming exactly the topics the services and the Kafka cluster have.
 * Left out, with a message, without Node.js outside CI ({@link NodeProject}); the rest needs only Java.
 */
class AsyncApiDocumentTest {
    private static final Path API = DocsFolder.of("api");
    private static final Path ROOT = API.getParent().getParent();
    private static final Pattern INCOMING_TOPIC = Pattern.compile("mp\\.messaging\\.incoming\\.([a-z0-9-]+)\\.topic");

    /** The samples go through Ajv there: the schemas must mean the same to another validator than {@link EventContract}'s. */
    @Test
    void theAsyncApiParserFindsNoErrorOrWarningAndAjvAcceptsEverySample() throws IOException {
        List<String> arguments = new ArrayList<>(List.of("validate-asyncapi.mjs", "asyncapi.yaml"));
        try (Stream<Path> samples = Files.walk(DocsFolder.of("events"))) {
            samples.filter(file -> file.toString().endsWith(".json")).sorted().map(Path::toString).forEach(arguments::add);
        }
        NodeProject.Output validation = NodeProject.installed(API, "The AsyncAPI parser's check of docs/api/asyncapi.yaml")
                .node(arguments.toArray(String[]::new));
        assertEquals(0, validation.exitCode(), validation.describe());
    }

    @Test
    void everyTopicTheServicesReadHasAChannelAndAReceiveOperationOfTheirConsumerGroup() throws IOException {
        JsonNode document = new YAMLMapper().readTree(API.resolve("asyncapi.yaml").toFile());
        List<String> failures = new ArrayList<>();
        for (Path file : serviceConfigurations()) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(file)) {
                properties.load(in);
            }
            for (String name : properties.stringPropertyNames()) {
                Matcher incoming = INCOMING_TOPIC.matcher(name);
                if (!incoming.matches()) {
                    continue;
                }
                String prefix = "mp.messaging.incoming." + incoming.group(1) + ".";
                String topic = properties.getProperty(name);
                String group = properties.getProperty(prefix + "group.id");
                if (!receivers(document, topic).contains(group)) {
                    failures.add(ROOT.relativize(file) + ": no receive operation of group " + group + " on a channel of " + topic);
                }
                String deadLetters = properties.getProperty(prefix + "dead-letter-queue.topic");
                if (deadLetters != null && !EventContract.shared().topics().contains(deadLetters)) {
                    failures.add(ROOT.relativize(file) + ": no channel for the dead-letter topic " + deadLetters);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theChannelsAreTheTopicsOfTheKafkaCluster() throws IOException {
        Matcher topicName = Pattern.compile("(?m)^\\s*topicName:\\s*(\\S+)\\s*$")
                .matcher(Files.readString(ROOT.resolve("deploy/kubernetes/base/kafka-topics.yaml")));
        Set<String> deployed = new TreeSet<>();
        while (topicName.find()) {
            deployed.add(topicName.group(1));
        }
        assertEquals(deployed, new TreeSet<>(EventContract.shared().topics()),
                "the topics of deploy/kubernetes/base/kafka-topics.yaml (expected) and the channels of docs/api/asyncapi.yaml (actual)");
    }

    /** The consumer groups of the receive operations on the channel of {@code topic}. */
    private static Set<String> receivers(JsonNode document, String topic) {
        Set<String> groups = new TreeSet<>();
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            if (!topic.equals(channel.getValue().path("address").asString(""))) {
                continue;
            }
            String reference = "#/channels/" + channel.getKey();
            document.path("operations").values().stream()
                    .filter(operation -> "receive".equals(operation.path("action").asString(""))
                            && reference.equals(operation.path("channel").path("$ref").asString("")))
                    .forEach(operation -> operation.path("bindings").path("kafka").path("groupId").path("enum").values()
                            .forEach(group -> groups.add(group.asString())));
        }
        return groups;
    }

    private static List<Path> serviceConfigurations() throws IOException {
        try (Stream<Path> modules = Files.list(ROOT)) {
            return modules.map(module -> module.resolve("src/main/resources/application.properties"))
                    .filter(Files::isRegularFile).sorted().toList();
        }
    }
}
