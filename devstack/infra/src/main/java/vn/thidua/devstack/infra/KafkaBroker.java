package vn.thidua.devstack.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real, single-node Apache Kafka broker in KRaft mode (broker and controller in one), run inside
 * this JVM from the Maven Central artifacts. No Docker, no ZooKeeper, works as root and as an
 * ordinary user. Or a handle on an external broker when {@code KAFKA_BOOTSTRAP_SERVERS} is set.
 */
public final class KafkaBroker implements AutoCloseable {
    private final String bootstrapServers;
    /** What the embedded broker was started with (null for an external one), so it can start again as the same broker. */
    private final Properties embeddedConfig;
    private KafkaRaftServer server;

    private KafkaBroker(String bootstrapServers, Properties embeddedConfig, KafkaRaftServer server) {
        this.bootstrapServers = bootstrapServers;
        this.embeddedConfig = embeddedConfig;
        this.server = server;
    }

    /** The broker named by the environment, or a new embedded one whose logs live under {@code dataDir}. */
    public static KafkaBroker fromEnvironmentOrEmbedded(Path dataDir) {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        return startEmbedded(dataDir, 0);
    }

    /** A broker that someone else runs and stops. */
    public static KafkaBroker external(String bootstrapServers) {
        return new KafkaBroker(bootstrapServers, null, null);
    }

    /** Starts an embedded broker; {@code port} 0 picks a free one. */
    public static KafkaBroker startEmbedded(Path dataDir, int port) {
        try {
            int brokerPort = port == 0 ? freePort() : port;
            int controllerPort = freePort();
            Path logDir = Files.createDirectories(dataDir.resolve("kafka-logs"));
            Properties props = new Properties();
            props.put("process.roles", "broker,controller");
            props.put("node.id", "1");
            props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
            props.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
            props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
            props.put("controller.listener.names", "CONTROLLER");
            props.put("inter.broker.listener.name", "PLAINTEXT");
            props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            props.put("log.dirs", logDir.toString());
            props.put("num.partitions", "3");
            props.put("offsets.topic.replication.factor", "1");
            props.put("offsets.topic.num.partitions", "1");
            props.put("transaction.state.log.replication.factor", "1");
            props.put("transaction.state.log.min.isr", "1");
            props.put("share.coordinator.state.topic.replication.factor", "1");
            props.put("share.coordinator.state.topic.min.isr", "1");
            props.put("group.initial.rebalance.delay.ms", "0");
            props.put("auto.create.topics.enable", "true");
            Path config = dataDir.resolve("kraft-server.properties");
            try (Writer out = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
                props.store(out, "single-node KRaft broker for the Thi đua local stack");
            }
            ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
            int formatted = StorageTool.execute(new String[] {
                    "format", "-t", Uuid.randomUuid().toString(), "-c", config.toString(), "--ignore-formatted"},
                    new PrintStream(formatOutput, true, StandardCharsets.UTF_8));
            if (formatted != 0) {
                throw new IllegalStateException("Formatting the Kafka log directory failed: " + formatOutput);
            }
            KafkaBroker broker = new KafkaBroker("127.0.0.1:" + brokerPort, props, null);
            broker.startServer();
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded Kafka broker", e);
        }
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> names, int partitions) {
        createTopics(names, partitions, Map.of());
    }

    /**
     * Creates the topics not there yet, those named in {@code configs} with those topic settings
     * (e.g. {@code cleanup.policy=compact}); a topic that exists is left as it is.
     */
    public void createTopics(Collection<String> names, int partitions, Map<String, Map<String, String>> configs) {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = names.stream()
                    .filter(name -> !existing.contains(name))
                    .map(name -> new NewTopic(name, partitions, (short) 1).configs(configs.getOrDefault(name, Map.of())))
                    .collect(Collectors.toList());
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Cannot create topics " + names, e);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return Admin.create(props);
    }

    private void awaitReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        RuntimeException last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException("Kafka broker not ready at " + bootstrapServers, e);
            }
        }
        throw last == null ? new IllegalStateException("Kafka broker not ready") : last;
    }

    private synchronized void startServer() {
        server = new KafkaRaftServer(KafkaConfig.fromProps(embeddedConfig, false), Time.SYSTEM);
        server.startup();
        awaitReady();
    }

    /**
     * Stops the embedded broker as an outage would, keeping its log directory: clients see it gone
     * until {@link #startAgain()}. For fault-injection tests; an external broker is not ours to stop.
     */
    public synchronized void stop() {
        requireEmbedded();
        close();
    }

    /**
     * Starts the stopped broker again on the same ports and log directory, so clients reconnect to
     * the address they know and find the topics, records and committed offsets it had. Ready when returned.
     */
    public synchronized void startAgain() {
        requireEmbedded();
        if (server != null) {
            throw new IllegalStateException("The broker is running");
        }
        startServer();
    }

    private void requireEmbedded() {
        if (embeddedConfig == null) {
            throw new UnsupportedOperationException("The broker at " + bootstrapServers + " is not embedded");
        }
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
