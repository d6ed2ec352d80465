package vn.thidua.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import vn.thidua.devstack.infra.KafkaBroker;
import vn.thidua.devstack.infra.Postgres;
import vn.thidua.devstack.infra.SigningKeys;

/**
 * One PostgreSQL server, one Kafka broker and one key pair per test JVM. Quarkus may load test
 * classes in more than one class loader, so what was started is recorded in system properties,
 * which every class loader of the JVM sees, rather than only in a static field.
 */
public final class SharedInfrastructure {
    private static final String PG_URL = "thidua.test.postgres.url";
    private static final String PG_USER = "thidua.test.postgres.user";
    private static final String PG_PASSWORD = "thidua.test.postgres.password";
    private static final String KAFKA = "thidua.test.kafka.bootstrap";
    private static final String PRIVATE_KEY = "thidua.test.keys.private";
    private static final String PUBLIC_KEY = "thidua.test.keys.public";

    private static SharedInfrastructure instance;

    private final Postgres postgres;
    private final KafkaBroker kafka;
    private final SigningKeys keys;

    private SharedInfrastructure(Postgres postgres, KafkaBroker kafka, SigningKeys keys) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keys = keys;
    }

    public static SharedInfrastructure get() {
        synchronized (System.class) {
            if (instance != null) {
                return instance;
            }
            if (System.getProperty(KAFKA) != null) {
                instance = new SharedInfrastructure(
                        Postgres.external(System.getProperty(PG_URL), System.getProperty(PG_USER), System.getProperty(PG_PASSWORD)),
                        KafkaBroker.external(System.getProperty(KAFKA)),
                        new SigningKeys(Path.of(System.getProperty(PRIVATE_KEY)), Path.of(System.getProperty(PUBLIC_KEY))));
                return instance;
            }
            instance = startAll();
            return instance;
        }
    }

    private static SharedInfrastructure startAll() {
        Path dir;
        try {
            dir = Files.createTempDirectory("thidua-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Postgres postgres = Postgres.fromEnvironmentOrEmbedded(dir);
        KafkaBroker kafka = KafkaBroker.fromEnvironmentOrEmbedded(dir);
        SigningKeys keys = SigningKeys.generate(dir.resolve("keys"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "thidua-test-infrastructure-stop"));
        System.setProperty(PG_URL, postgres.adminDatabaseUrl());
        System.setProperty(PG_USER, postgres.user());
        System.setProperty(PG_PASSWORD, postgres.password());
        System.setProperty(KAFKA, kafka.bootstrapServers());
        System.setProperty(PRIVATE_KEY, keys.privateKeyPem().toString());
        System.setProperty(PUBLIC_KEY, keys.publicKeyPem().toString());
        return new SharedInfrastructure(postgres, kafka, keys);
    }

    public Postgres postgres() {
        return postgres;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public SigningKeys keys() {
        return keys;
    }
}
