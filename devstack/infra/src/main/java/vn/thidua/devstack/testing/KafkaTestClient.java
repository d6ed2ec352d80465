package vn.thidua.devstack.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes raw records to, and finds records on, the test broker: what another service would send or see.
 *
 * <p>Every record a test finds on an event topic ({@code thidua.<area>.v<n>}; not a dead-letter topic) is
 * checked against the event contract, docs/api/asyncapi.yaml ({@link EventContract}), so every test that
 * awaits a service's event also proves that the event is what the contract promises. Records the tests
 * sent themselves are not checked: they are the tests' input, not a service's output, and some are
 * malformed on purpose (to see them dead-lettered).
 */
public final class KafkaTestClient {
    private static final Pattern EVENT_TOPIC = Pattern.compile("thidua\\.[a-z]+(\\.[a-z]+)*\\.v[0-9]+");
    /** topic + NUL + value of every record sent through this class, in this class loader. */
    private static final Set<String> SENT_BY_TESTS = ConcurrentHashMap.newKeySet();

    private final String bootstrapServers;

    public KafkaTestClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The broker of this test JVM. */
    public static KafkaTestClient shared() {
        return new KafkaTestClient(SharedInfrastructure.get().kafka().bootstrapServers());
    }

    /** Sends a structured-mode CloudEvent the way the outbox relay does, content-type header included. */
    public void sendCloudEvent(String topic, String key, String event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, event);
        record.headers().add("content-type", "application/cloudevents+json; charset=UTF-8".getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    /** Sends a raw record, without headers. */
    public void send(String topic, String key, String value) {
        send(new ProducerRecord<>(topic, key, value));
    }

    private void send(ProducerRecord<String, String> record) {
        SENT_BY_TESTS.add(record.topic() + '\0' + record.value());
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot send to " + record.topic(), e);
        }
    }

    /** Reads the topic from its start until a record matches, or fails after {@code timeout}. */
    public ConsumerRecord<String, String> awaitRecord(String topic, Predicate<ConsumerRecord<String, String>> matching, Duration timeout) {
        List<ConsumerRecord<String, String>> found = awaitRecords(topic, matching, 1, timeout);
        return found.get(0);
    }

    /**
     * Every matching record on the topic now: read from its start up to the end offsets it has when
     * called, so a copy sent twice shows as two records (where {@link #awaitRecords} stops at a count).
     */
    public List<ConsumerRecord<String, String>> allRecords(String topic, Predicate<ConsumerRecord<String, String>> matching,
                                                           Duration timeout) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(readerProperties())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Could not read " + topic + " to its end within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition())) && matching.test(record)) {
                        found.add(checkedAgainstTheContract(record));
                    }
                }
            }
        }
        return found;
    }

    private static ConsumerRecord<String, String> checkedAgainstTheContract(ConsumerRecord<String, String> record) {
        if (EVENT_TOPIC.matcher(record.topic()).matches() && !SENT_BY_TESTS.contains(record.topic() + '\0' + record.value())) {
            EventContract.shared().assertConforms(record);
        }
        return record;
    }

    private Properties readerProperties() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return props;
    }

    /** Reads the topic from its start until {@code count} records match, or fails after {@code timeout}. */
    public List<ConsumerRecord<String, String>> awaitRecords(String topic, Predicate<ConsumerRecord<String, String>> matching,
                                                             int count, Duration timeout) {
        Properties props = readerProperties();
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            while (found.size() < count) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Found " + found.size() + " of " + count + " expected records on " + topic
                            + " within " + timeout);
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (matching.test(record)) {
                        found.add(checkedAgainstTheContract(record));
                    }
                }
            }
        }
        return found;
    }
}
