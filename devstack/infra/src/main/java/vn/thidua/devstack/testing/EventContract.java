package vn.thidua.devstack.testing;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The event contract, {@code docs/api/asyncapi.yaml}, as a check of records: a record read from a topic
 * must be a message of that topic's channel, picked by its CloudEvents {@code type} (a type the channel
 * does not list is a failure), its value must match that message's payload schema (the envelope and the
 * {@code data} of the type), its key must be its {@code subject}, and its headers must match the
 * message's headers schema. {@link KafkaTestClient} checks every event a test reads this way; the
 * samples of {@code docs/events/} are checked by {@link #sampleProblems}.
 *
 * <p>One thing is stricter here than in the document: every object schema under
 * {@code components.schemas} that lists its properties refuses any other ({@code additionalProperties:
 * false}, added while loading, unless the schema says otherwise). The document leaves them open because
 * consumers must tolerate fields added within a topic version; a producer must still not send a field
 * the document does not describe. {@code allOf} parts are left open: in JSON Schema draft-07 one part
 * cannot see another's properties, so closing one would refuse the others' (the document composes only
 * envelopes that way, and the CloudEvents envelope stays open for extension attributes).
 *
 * <p>The schemas are AsyncAPI schemas, a superset of JSON Schema draft-07, checked as draft-07 with
 * formats ({@code date-time}, {@code date}, {@code uuid}, ...) asserted; the AsyncAPI keywords beyond it
 * ({@code discriminator}, {@code externalDocs}, ...) only describe.
 */
public final class EventContract {
    /** The name the schema registry knows the document by; nothing is ever fetched from it. */
    private static final String DOCUMENT_IRI = "https://thidua.vn/docs/api/asyncapi.json";
    private static final String CLOUDEVENTS_JSON = "application/cloudevents+json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static EventContract shared;

    private final Path source;
    private final Map<String, Channel> channelsByTopic;

    private record Channel(String topic, boolean carriesCloudEvents, Map<String, Message> messagesByType) {
    }

    /** {@code headers} is null when the message describes none. */
    private record Message(Schema payload, Schema headers) {
    }

    private EventContract(Path source, Map<String, Channel> channelsByTopic) {
        this.source = source;
        this.channelsByTopic = channelsByTopic;
    }

    /** The repository's contract, loaded once (per class loader) on first use. */
    public static synchronized EventContract shared() {
        if (shared == null) {
            shared = load(DocsFolder.of("api").resolve("asyncapi.yaml"));
        }
        return shared;
    }

    /** Reads an AsyncAPI 3 document whose messages are CloudEvents as {@code docs/api/asyncapi.yaml} describes them. */
    public static EventContract load(Path file) {
        JsonNode document;
        try {
            document = new YAMLMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        document.path("components").path("schemas").values().forEach(EventContract::refuseUndescribedFields);
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                .schemas(Map.of(DOCUMENT_IRI, JSON.writeValueAsString(document))));
        String defaultContentType = Objects.requireNonNullElse(text(document.path("defaultContentType")), "");
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> channel : document.path("channels").properties()) {
            String topic = text(channel.getValue().path("address"));
            Map<String, Message> messages = new LinkedHashMap<>();
            boolean carriesCloudEvents = true;
            for (Map.Entry<String, JsonNode> entry : channel.getValue().path("messages").properties()) {
                String pointer = entry.getValue().has("$ref") ? text(entry.getValue().path("$ref")).substring(1)
                        : "/channels/" + escape(channel.getKey()) + "/messages/" + escape(entry.getKey());
                String contentType = effective(document, pointer, "contentType").map(p -> text(document.at(p))).orElse(defaultContentType);
                carriesCloudEvents &= contentType.startsWith(CLOUDEVENTS_JSON);
                messages.put(text(document.at(pointer).path("name")), new Message(registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + pointer + "/payload")),
                        effective(document, pointer, "headers").map(p -> registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + p))).orElse(null)));
            }
            channels.put(topic, new Channel(topic, carriesCloudEvents, Map.copyOf(messages)));
        }
        return new EventContract(file, Map.copyOf(channels));
    }

    /** Every topic the document has a channel for, dead-letter topics included. */
    public Set<String> topics() {
        return channelsByTopic.keySet();
    }

    /** Every CloudEvents type the document describes, with the topic it is sent on. */
    public Map<String, String> topicsByType() {
        Map<String, String> topics = new LinkedHashMap<>();
        channelsByTopic.values().stream().filter(Channel::carriesCloudEvents)
                .forEach(channel -> channel.messagesByType().keySet().forEach(type -> topics.put(type, channel.topic())));
        return topics;
    }

    /** Fails, saying everything that is wrong, unless the record conforms to its topic's channel. */
    public void assertConforms(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        List<String> problems = problems(record.topic(), record.key(), headers, record.value());
        if (!problems.isEmpty()) {
            throw new AssertionError("A record on " + record.topic() + " (partition " + record.partition() + ", offset "
                    + record.offset() + ") does not conform to the event contract " + source + ":\n  - "
                    + String.join("\n  - ", problems) + "\nvalue: " + record.value());
        }
    }

    /** What is wrong with a record read from {@code topic}; empty when it conforms. */
    public List<String> problems(String topic, String key, Map<String, String> headers, String value) {
        Channel channel = channelsByTopic.get(topic);
        if (channel == null) {
            return List.of("topic " + topic + " has no channel in the event contract");
        }
        if (!channel.carriesCloudEvents()) {
            return List.of("topic " + topic + " does not carry CloudEvents (a dead-letter topic): its records have no schema to meet");
        }
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (JacksonException e) {
            return List.of("the value is not JSON: " + e.getOriginalMessage());
        }
        String type = text(event.path("type"));
        Message message = channel.messagesByType().get(type);
        if (message == null) {
            return List.of("type " + type + " is not a message of " + topic + ", which carries " + channel.messagesByType().keySet());
        }
        List<String> problems = new ArrayList<>(describe(message.payload().validate(event)));
        String subject = text(event.path("subject"));
        if (!Objects.equals(key, subject)) {
            problems.add("the key " + key + " is not the event's subject " + subject);
        }
        if (message.headers() != null) {
            describe(message.headers().validate(JSON.valueToTree(headers))).forEach(problem -> problems.add("headers " + problem));
        }
        return problems;
    }

    /**
     * What is wrong with a documented sample event ({@code docs/events/}): its envelope and data against the
     * message of its type, on whichever topic carries it (a sample names no topic, key or headers).
     */
    public List<String> sampleProblems(String value) {
        JsonNode event;
        try {
            event = JSON.readTree(value);
        } catch (JacksonException e) {
            return List.of("not JSON: " + e.getOriginalMessage());
        }
        String type = text(event.path("type"));
        return channelsByTopic.values().stream().filter(Channel::carriesCloudEvents)
                .map(channel -> channel.messagesByType().get(type)).filter(Objects::nonNull).findFirst()
                .map(message -> describe(message.payload().validate(event)))
                .orElse(List.of("type " + type + " is not a message of any channel"));
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(Error::toString).toList();
    }

    /**
     * The JSON pointer of a message's field as AsyncAPI 3 merges it with the message's traits: the
     * message's own value, else that of the last trait that has it.
     */
    private static Optional<String> effective(JsonNode document, String messagePointer, String field) {
        JsonNode message = document.at(messagePointer);
        if (message.has(field)) {
            return Optional.of(messagePointer + "/" + field);
        }
        String found = null;
        JsonNode traits = message.path("traits");
        for (int i = 0; i < traits.size(); i++) {
            String traitPointer = traits.get(i).has("$ref") ? text(traits.get(i).path("$ref")).substring(1)
                    : messagePointer + "/traits/" + i;
            if (document.at(traitPointer).has(field)) {
                found = traitPointer + "/" + field;
            }
        }
        return Optional.ofNullable(found);
    }

    private static void refuseUndescribedFields(JsonNode schema) {
        if (!(schema instanceof ObjectNode object)) {
            return;
        }
        if (describesAnObject(object) && object.has("properties") && !object.has("additionalProperties")) {
            object.put("additionalProperties", false);
        }
        object.path("properties").values().forEach(EventContract::refuseUndescribedFields);
        refuseUndescribedFields(object.path("items"));
        object.path("oneOf").values().forEach(EventContract::refuseUndescribedFields);
        object.path("anyOf").values().forEach(EventContract::refuseUndescribedFields);
    }

    private static boolean describesAnObject(JsonNode schema) {
        JsonNode type = schema.path("type");
        return type.isArray() ? type.values().stream().anyMatch(t -> "object".equals(text(t))) : "object".equals(text(type));
    }

    /** The node's text, or null when it is not a string (missing, null, a number...). */
    private static String text(JsonNode node) {
        return node.isString() ? node.stringValue() : null;
    }

    private static String escape(String jsonPointerToken) {
        return jsonPointerToken.replace("~", "~0").replace("/", "~1");
    }
}
