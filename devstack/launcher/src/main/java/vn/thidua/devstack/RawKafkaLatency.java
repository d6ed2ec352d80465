package vn.thidua.devstack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The baseline for the event latency: the same broker, a record produced as the outbox relay
 * produces (acks=all, idempotent, no linger) and consumed by a consumer already waiting on it,
 * timed in one JVM from the send to the record in hand. What the system adds on top — the commit,
 * the relay noticing, the inbox and the read model, the HTTP round trips — is the rest of the figure.
 */
final class RawKafkaLatency {

    private RawKafkaLatency() {
    }

    static List<Duration> measure(String bootstrapServers, int samples) throws ExecutionException, InterruptedException {
        String topic = "thidua.bench.raw-latency." + UUID.randomUUID().toString().substring(0, 8);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(producer(bootstrapServers));
                    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumer(bootstrapServers))) {
                consumer.subscribe(List.of(topic));
                // joined and assigned before the first timed record, as a service's consumer is
                while (consumer.assignment().isEmpty()) {
                    consumer.poll(Duration.ofMillis(50));
                }
                List<Duration> latencies = new ArrayList<>();
                for (int i = 0; i < samples + 10; i++) {
                    long sent = System.nanoTime();
                    producer.send(new ProducerRecord<>(topic, "k" + i, "{\"sample\":" + i + "}"));
                    Duration latency = null;
                    while (latency == null) {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(1))) {
                            if (record.key().equals("k" + i)) {
                                latency = Duration.ofNanos(System.nanoTime() - sent);
                            }
                        }
                        if (System.nanoTime() - sent > Duration.ofSeconds(30).toNanos()) {
                            throw new IllegalStateException("record " + i + " never arrived on " + topic);
                        }
                    }
                    if (i >= 10) {
                        latencies.add(latency);
                    }
                }
                return latencies;
            } finally {
                admin.deleteTopics(List.of(topic)).all().get();
            }
        }
    }

    static String describe(List<Duration> latencies) {
        List<Duration> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return String.format("median %.1f ms, p99 %.1f ms", millis(BenchReport.nearestRank(sorted, 0.5)),
                millis(BenchReport.nearestRank(sorted, 0.99)));
    }

    static double millis(Duration duration) {
        return duration.toNanos() / 1_000_000.0;
    }

    private static Properties producer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        return properties;
    }

    private static Properties consumer(String bootstrapServers) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-raw-latency-" + UUID.randomUUID());
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }
}
