package vn.thidua.platform.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.kafka.client.runtime.KafkaRuntimeConfigProducer;
import io.quarkus.runtime.ApplicationConfig;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.types.Password;
import org.junit.jupiter.api.Test;

/**
 * The relay's producer takes the service's Kafka settings as the SmallRye connector's consumers do:
 * every {@code kafka.*} property, from a properties file or from {@code KAFKA_*} variables, so that a
 * TLS listener with SCRAM is a matter of configuration; the relay's own guarantees are not.
 */
class OutboxRelayKafkaConfigTest {
    private static final String JAAS = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"scoring-service\" password=\"s3cret\";";

    @Test
    void everyKafkaPropertyOfTheServiceReachesTheProducer() {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(Map.of(
                        "kafka.bootstrap.servers", "thidua-kafka-kafka-bootstrap:9093",
                        "kafka.ssl.truststore.type", "PEM",
                        "kafka.session.timeout.ms", "6000",
                        "quarkus.application.name", "scoring-service"), "application.properties", 250))
                // as Kubernetes gives them: the Deployment's env and the KafkaUser's Secret
                .withSources(new EnvConfigSource(Map.of(
                        "KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                        "KAFKA_SASL_MECHANISM", "SCRAM-SHA-512",
                        "KAFKA_SASL_JAAS_CONFIG", JAAS,
                        "KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/thidua/kafka-ca/ca.crt"), 300))
                .build();
        Map<String, Object> kafka = new KafkaRuntimeConfigProducer().createKafkaRuntimeConfig(config, application("scoring-service"));

        Properties properties = OutboxRelay.producerProperties(kafka, "scoring-service-outbox-relay", Duration.ofSeconds(10));
        ProducerConfig producer = new ProducerConfig(properties);

        assertEquals(java.util.List.of("thidua-kafka-kafka-bootstrap:9093"), producer.getList(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
        assertEquals("SASL_SSL", producer.getString("security.protocol"));
        assertEquals("SCRAM-SHA-512", producer.getString("sasl.mechanism"));
        assertEquals(new Password(JAAS), producer.getPassword("sasl.jaas.config"));
        assertEquals("/etc/thidua/kafka-ca/ca.crt", producer.getString("ssl.truststore.location"));
        assertEquals("PEM", producer.getString("ssl.truststore.type"));
        // consumer settings stay with the consumers
        assertFalse(properties.containsKey("session.timeout.ms"));
        assertFalse(properties.containsKey("group.id"));
    }

    @Test
    void theRelaysOwnSettingsAreNotOverridden() {
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "localhost:9092",
                "acks", "1",
                "enable.idempotence", "false",
                "client.id", "someone-else",
                "delivery.timeout.ms", "999999");

        Properties properties = OutboxRelay.producerProperties(kafka, "units-service-outbox-relay", Duration.ofSeconds(10));

        assertEquals("all", properties.get(ProducerConfig.ACKS_CONFIG));
        assertEquals("true", properties.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG));
        assertEquals("units-service-outbox-relay", properties.get(ProducerConfig.CLIENT_ID_CONFIG));
        assertEquals("10000", properties.get(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG));
        assertEquals("localhost:9092", properties.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG));
    }

    private static ApplicationConfig application(String name) {
        return new ApplicationConfig() {
            @Override
            public Optional<String> name() {
                return Optional.of(name);
            }

            @Override
            public Optional<String> version() {
                return Optional.empty();
            }

            @Override
            public Optional<String> uiHeader() {
                return Optional.empty();
            }
        };
    }
}
