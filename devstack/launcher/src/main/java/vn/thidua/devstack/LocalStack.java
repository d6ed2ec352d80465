package vn.thidua.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.thidua.devstack.infra.KafkaBroker;
import vn.thidua.devstack.infra.Postgres;
import vn.thidua.devstack.infra.SigningKeys;
import vn.thidua.devstack.portal.FakePortal;

/**
 * The whole system on one machine: PostgreSQL, a Kafka broker, the three services and the gateway,
 * each service a JVM of its own with its own database, and a fake Department of Home Affairs portal
 * that awards-service delivers proposals to (unless {@code THIDUA_PORTAL_URL} names a real one).
 * Closing it stops everything in reverse order.
 */
public final class LocalStack implements AutoCloseable {
    static final List<String> TOPICS = List.of(
            "thidua.units.v1",
            "thidua.units.v1.dlq.scoring-service",
            "thidua.units.v1.dlq.awards-service",
            "thidua.clusters.v1",
            "thidua.clusters.v1.dlq.scoring-service",
            "thidua.clusters.v1.dlq.awards-service",
            "thidua.scoring.results.v1",
            "thidua.scoring.results.v1.dlq.awards-service",
            "thidua.scoring.registrations.v1",
            "thidua.scoring.registrations.v1.dlq.awards-service",
            "thidua.awards.votes.v1",
            "thidua.awards.votes.v1.dlq.units-service",
            "thidua.people.v1",
            "thidua.people.v1.dlq.awards-service",
            "thidua.member-statistics.v1",
            "thidua.member-statistics.v1.dlq.scoring-service",
            "thidua.awards.proposals.v1");
    /**
     * Topic settings beyond the broker's defaults, as deploy/kubernetes/base/kafka-topics.yaml sets them
     * (ReadModelRebuild compares): the units and clusters topics keep the latest event of each key
     * for ever, so that a new consumer rebuilds its copy from them however old the installation.
     */
    static final Map<String, Map<String, String>> TOPIC_CONFIGS = Map.of(
            "thidua.units.v1", compacted(),
            "thidua.clusters.v1", compacted(),
            "thidua.people.v1", compacted(),
            "thidua.member-statistics.v1", compacted());

    private static Map<String, String> compacted() {
        return Map.of("cleanup.policy", "compact", "delete.retention.ms", "86400000");
    }

    /** Where things run. Port 0 for the broker or the fake portal picks a free one. */
    public record Settings(Path root, Path dataDir, int gatewayPort, int unitsPort, int scoringPort, int awardsPort,
                           int kafkaPort, List<String> jvmOptions, Duration readyTimeout, int portalPort) {

        /** The fake portal on a free port. */
        public Settings(Path root, Path dataDir, int gatewayPort, int unitsPort, int scoringPort, int awardsPort,
                        int kafkaPort, List<String> jvmOptions, Duration readyTimeout) {
            this(root, dataDir, gatewayPort, unitsPort, scoringPort, awardsPort, kafkaPort, jvmOptions, readyTimeout, 0);
        }

        /**
         * The local default. Services start with the C1 compiler only, which halves their start on two
         * cores. The heap starts small, near what is live (some 25–35 MB at rest, see docs/benchmarks.md,
         * "Footprint"): the JVM's default initial heap is 1/64 of the machine's memory, whose young
         * generation a service fills with garbage while it starts and then keeps resident. 48 MB with
         * tighter free ratios made a starting service collect its whole heap again and again.
         * {@code THIDUA_SERVICE_JAVA_OPTS} replaces these options (e.g. to benchmark with full JIT).
         */
        public static Settings defaults(Path root, Path dataDir) {
            String override = System.getenv("THIDUA_SERVICE_JAVA_OPTS");
            List<String> jvmOptions = override == null || override.isBlank()
                    ? List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xms64m", "-Xmx192m", "-Dfile.encoding=UTF-8")
                    : List.of(override.strip().split("\\s+"));
            return new Settings(root, dataDir, 8080, 8081, 8082, 8083, 9092, jvmOptions, Duration.ofMinutes(3), 8090);
        }
    }

    private final Settings settings;
    private final List<AutoCloseable> started = new ArrayList<>();
    private Postgres postgres;
    private KafkaBroker kafka;
    private FakePortal portal;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    /** What each service was started with, so another instance of it can join the same database and broker. */
    private final Map<String, Map<String, String>> launchConfigs = new LinkedHashMap<>();

    /**
     * Stops what this stack started when the launcher is stopped (Ctrl-C, SIGTERM) before it closed
     * the stack itself, as a benchmark interrupted half-way is: the services are processes of their
     * own and would otherwise outlive it.
     */
    private final Thread stopOnExit = new Thread(this::close, "thidua-stack-stop");

    private LocalStack(Settings settings) {
        this.settings = settings;
        Runtime.getRuntime().addShutdownHook(stopOnExit);
    }

    /**
     * A stack of its own, on free ports and in a fresh temporary directory, so that it can run beside
     * a local `./thidua up`: for the end-to-end tests and the benchmarks. {@code extraJvmOptions} go to
     * every service after the defaults.
     */
    public static LocalStack startPrivate(Path root, String name, List<String> extraJvmOptions) throws IOException {
        Path dataDir = Files.createTempDirectory("thidua-" + name + "-");
        Settings defaults = Settings.defaults(root, dataDir);
        List<String> jvmOptions = new ArrayList<>(defaults.jvmOptions());
        jvmOptions.addAll(extraJvmOptions);
        return start(new Settings(root, dataDir, freePort(), freePort(), freePort(), freePort(), 0, jvmOptions, defaults.readyTimeout()));
    }

    /** Below Linux's range for outgoing connections (32768–60999 by default). */
    private static final int FIRST_LISTENING_PORT = 20_000;
    private static final int LAST_LISTENING_PORT = 32_767;

    /**
     * A port free at this moment, for a process this launcher is about to start. Not one the system
     * would pick itself (port 0): a service binds its port only once it has booted, seconds later,
     * and in between the stack's own JDBC and Kafka connections take their local ports from the
     * system's range, one of which was then now and again the port chosen ("port in use").
     */
    static int freePort() throws IOException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = random.nextInt(FIRST_LISTENING_PORT, LAST_LISTENING_PORT + 1);
            try (ServerSocket socket = new ServerSocket(port)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port between " + FIRST_LISTENING_PORT + " and " + LAST_LISTENING_PORT);
    }

    public static LocalStack start(Settings settings) {
        LocalStack stack = new LocalStack(settings);
        try {
            stack.startAll();
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void startAll() {
        CompletableFuture<Postgres> database = CompletableFuture.supplyAsync(() -> Postgres.fromEnvironmentOrEmbedded(settings.dataDir()));
        CompletableFuture<KafkaBroker> broker = CompletableFuture.supplyAsync(() -> {
            String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
            return external != null && !external.isBlank()
                    ? KafkaBroker.external(external)
                    : KafkaBroker.startEmbedded(settings.dataDir(), settings.kafkaPort());
        });
        try {
            postgres = database.join();
            started.add(postgres);
            kafka = broker.join();
            started.add(kafka);
        } catch (CompletionException e) {
            database.thenAccept(Postgres::close);
            broker.thenAccept(KafkaBroker::close);
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        kafka.createTopics(TOPICS, 3, TOPIC_CONFIGS);
        SigningKeys keys = SigningKeys.generate(settings.dataDir().resolve("keys"));

        String jwks = "http://127.0.0.1:" + settings.gatewayPort() + "/auth/jwks";
        Path logs = settings.dataDir().resolve("logs");
        Map<String, String> gatewayConfig = new LinkedHashMap<>(database("gateway"));
        gatewayConfig.put("thidua.auth.signing-key-location", keys.privateKeyPem().toUri().toString());
        gatewayConfig.put("thidua.auth.public-key-location", keys.publicKeyPem().toUri().toString());
        gatewayConfig.put("mp.jwt.verify.publickey.location", keys.publicKeyPem().toUri().toString());
        gatewayConfig.put("thidua.gateway.routes.units.url", "http://127.0.0.1:" + settings.unitsPort());
        gatewayConfig.put("thidua.gateway.routes.clusters.url", "http://127.0.0.1:" + settings.unitsPort());
        gatewayConfig.put("thidua.gateway.routes.people.url", "http://127.0.0.1:" + settings.unitsPort());
        gatewayConfig.put("thidua.gateway.routes.initiatives.url", "http://127.0.0.1:" + settings.unitsPort());
        gatewayConfig.put("thidua.gateway.routes.scoring.url", "http://127.0.0.1:" + settings.scoringPort());
        gatewayConfig.put("thidua.gateway.routes.awards.url", "http://127.0.0.1:" + settings.awardsPort());
        gatewayConfig.put("thidua.demo.accounts", String.join(",", DemoData.accounts()));
        gatewayConfig.put("thidua.demo.clients", String.join(",", DemoData.clients()));
        // on one machine every client (the demo loader, the tests, the benchmarks) logs in from 127.0.0.1: the per-address
        // limit on /auth/** that protects a real gateway would refuse the demo's own logins, so it is lifted here
        gatewayConfig.put("thidua.gateway.auth.rate-limit.requests-per-second", "1000");
        gatewayConfig.put("thidua.gateway.auth.rate-limit.burst", "1000");
        launch("gateway", "gateway", settings.gatewayPort(), gatewayConfig, logs);
        Map<String, String> portalConfig = startFakePortalUnlessARealOneIsNamed();
        for (String service : List.of("units", "scoring", "awards")) {
            Map<String, String> config = new LinkedHashMap<>(database(service));
            config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            config.put("mp.jwt.verify.publickey.location", jwks);
            if (service.equals("awards")) {
                config.putAll(portalConfig);
            }
            if (service.equals("scoring")) {
                // the demo's evidence lives on a made-up site; production takes gov.vn addresses only
                config.put("thidua.evidence-links.allowed-hosts", "gov.vn,thidua.example");
            }
            launch(service, service + "-service", portOf(service), config, logs);
        }
        // the JVMs boot side by side; wait for all of them
        services.values().parallelStream().forEach(service -> service.awaitReady(settings.readyTimeout()));
    }

    /**
     * With {@code THIDUA_PORTAL_URL} set, awards-service reads it (and {@code THIDUA_PORTAL_SIGNING_SECRET})
     * from the environment it inherits; otherwise the fake portal runs in this JVM with a fresh secret.
     */
    private Map<String, String> startFakePortalUnlessARealOneIsNamed() {
        String external = System.getenv("THIDUA_PORTAL_URL");
        if (external != null && !external.isBlank()) {
            return Map.of();
        }
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String hex = HexFormat.of().formatHex(secret);
        portal = FakePortal.start(settings.portalPort(), hex);
        // the national system behind the portal answers submissions through the inbound API, as the portal's account
        portal.national().connect("http://127.0.0.1:" + settings.gatewayPort(), "portal-demo", DemoData.PASSWORD);
        started.add(portal);
        return Map.of("thidua.portal.url", portal.url(), "thidua.portal.signing-secret", hex);
    }

    private Map<String, String> database(String service) {
        String url = postgres.createDatabase("thidua_" + service, false);
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", postgres.user(),
                "quarkus.datasource.password", postgres.password());
    }

    private void launch(String name, String module, int port, Map<String, String> config, Path logs) {
        Path app = settings.root().resolve(module).resolve("target").resolve("quarkus-app");
        ServiceProcess process = ServiceProcess.start(name, app, port, managementPortFor(port), config, settings.jvmOptions(), logs);
        services.put(name, process);
        launchConfigs.put(name, Map.copyOf(config));
        started.add(process);
    }

    /**
     * Another instance of a running service ({@code units}, {@code scoring}, {@code awards}, {@code gateway}) on its
     * own port, sharing the first one's database, broker and consumer groups, as a second replica
     * would in Kubernetes. Ready when returned; the stack stops it with the rest unless it was
     * closed before.
     */
    public ServiceProcess startAnotherInstance(String service, int port) {
        ServiceProcess process = launchAnotherInstance(service, port, Map.of());
        process.awaitReady(settings.readyTimeout());
        return process;
    }

    /** How long a service is given to become ready. */
    Duration readyTimeout() {
        return settings.readyTimeout();
    }

    /**
     * Instances of a service started side by side on a database of their own, made empty here: as
     * replicas of a new release starting together, each running the migrations at start. Ready when returned.
     */
    public List<ServiceProcess> startInstancesOnAFreshDatabase(String service, String database, List<Integer> ports) {
        Map<String, String> fresh = new LinkedHashMap<>();
        fresh.put("quarkus.datasource.jdbc.url", postgres.createDatabase(database, true));
        // a consumer group of their own: in the running service's group they would take its events into the other database
        consumerGroupsOf(service).forEach(channel -> fresh.put("mp.messaging.incoming." + channel + ".group.id", service + "-" + database));
        List<ServiceProcess> processes = ports.stream().map(port -> launchAnotherInstance(service, port, fresh)).toList();
        processes.parallelStream().forEach(process -> process.awaitReady(settings.readyTimeout()));
        return processes;
    }

    /** The incoming channels the service names a consumer group for, read from its configuration. */
    private List<String> consumerGroupsOf(String service) {
        Path properties = settings.root().resolve(service + "-service").resolve("src/main/resources/application.properties");
        Pattern groupId = Pattern.compile("mp\\.messaging\\.incoming\\.([A-Za-z0-9_-]+)\\.group\\.id=.*");
        try {
            return Files.readAllLines(properties).stream().map(groupId::matcher).filter(Matcher::matches)
                    .map(matcher -> matcher.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + properties, e);
        }
    }

    /**
     * Another instance of a running service as {@link #startAnotherInstance(String, int)}, with some of
     * its configuration replaced, e.g. a gateway with other keys as in a rolling key rotation. Not yet
     * ready when returned ({@link ServiceProcess#awaitReady}), so that several can start side by side.
     */
    ServiceProcess launchAnotherInstance(String service, int port, Map<String, String> overrides) {
        Map<String, String> config = launchConfigs.get(service);
        if (config == null) {
            throw new IllegalArgumentException("No running service " + service);
        }
        Map<String, String> effective = new LinkedHashMap<>(config);
        effective.putAll(overrides);
        String module = service.equals("gateway") ? "gateway" : service + "-service";
        Path app = settings.root().resolve(module).resolve("target").resolve("quarkus-app");
        ServiceProcess process = ServiceProcess.start(service + "-" + port, app, port, managementPortFor(port), effective,
                settings.jvmOptions(), settings.dataDir().resolve("logs"));
        started.add(process);
        return process;
    }

    /**
     * A service on one of the usual ports ({@code ./thidua up}: 8080–8083) keeps its health and metrics
     * 1000 above, where a person finds them again; one on a port picked free gets another free one.
     */
    private static int managementPortFor(int port) {
        try {
            return port < FIRST_LISTENING_PORT ? port + 1000 : freePort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int portOf(String service) {
        return switch (service) {
            case "units" -> settings.unitsPort();
            case "scoring" -> settings.scoringPort();
            case "awards" -> settings.awardsPort();
            default -> settings.gatewayPort();
        };
    }

    /** The stack's own directory: the services' logs, the signing keys, the embedded data. */
    Path dataDir() {
        return settings.dataDir();
    }

    public String gatewayUrl() {
        return service("gateway").baseUrl();
    }

    /** A service's own URL, for calling it directly (not through the gateway). */
    public String serviceUrl(String name) {
        return service(name).baseUrl();
    }

    /** Where a service ({@code units}, ..., {@code gateway}) serves {@code /q/health} and {@code /q/metrics}. */
    public String managementUrl(String name) {
        return service(name).managementUrl();
    }

    /** Where awards-service delivers proposals: the fake portal's dossier URL, or the real one named. */
    public String portalUrl() {
        return portal != null ? portal.url() : System.getenv("THIDUA_PORTAL_URL");
    }

    /** The fake portal, to look at what it received or make it misbehave; null when a real portal is named. */
    public FakePortal fakePortal() {
        return portal;
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public Postgres postgres() {
        return postgres;
    }

    /** The broker, for tests that stop and start it (only an embedded one can be). */
    KafkaBroker kafkaBroker() {
        return kafka;
    }

    /** Starts a killed or stopped service again as it was first started; ready when returned. */
    void restart(String name) {
        service(name).restart(settings.readyTimeout());
    }

    Map<String, ServiceProcess> services() {
        return services;
    }

    ServiceProcess service(String name) {
        ServiceProcess process = services.get(name);
        if (process == null) {
            throw new IllegalArgumentException("No service " + name);
        }
        return process;
    }

    /** Stops the services side by side (each gracefully), then the broker, then the database. */
    @Override
    public synchronized void close() {
        if (Thread.currentThread() != stopOnExit) {
            try {
                Runtime.getRuntime().removeShutdownHook(stopOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to: closing here first leaves it nothing to do
            }
        }
        List<AutoCloseable> processes = started.stream().filter(ServiceProcess.class::isInstance).toList();
        processes.parallelStream().forEach(LocalStack::closeQuietly);
        List<AutoCloseable> rest = new ArrayList<>(started);
        rest.removeAll(processes);
        for (int i = rest.size() - 1; i >= 0; i--) {
            closeQuietly(rest.get(i));
        }
        started.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("While stopping " + closeable + ": " + e);
        }
    }
}
