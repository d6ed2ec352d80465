package vn.thidua.devstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL server the stack uses: the one named by {@code THIDUA_DB_URL} (with
 * {@code THIDUA_DB_USER} and {@code THIDUA_DB_PASSWORD}), or else a real PostgreSQL started from
 * the zonky binaries on Maven Central. Each service gets a database of its own on it.
 */
public final class Postgres implements AutoCloseable {
    private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]+)(?:/([^?]*))?(\\?.*)?$");
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final String serverUrl;
    private final String adminDatabaseUrl;
    private final String parameters;
    private final String user;
    private final String password;
    /** Null for an external server, and while an embedded one is stopped. */
    private EmbeddedPostgres embedded;
    /** Where an embedded server keeps its data, and its port: what it needs to start again as the same server. */
    private final Path embeddedData;
    private final int embeddedPort;

    private Postgres(String adminDatabaseUrl, String user, String password, EmbeddedPostgres embedded, Path embeddedData) {
        Matcher m = JDBC_URL.matcher(adminDatabaseUrl);
        if (!m.matches()) {
            throw new IllegalArgumentException("Not a PostgreSQL JDBC URL: " + adminDatabaseUrl);
        }
        this.serverUrl = m.group(1);
        this.parameters = m.group(3) == null ? "" : m.group(3);
        this.adminDatabaseUrl = adminDatabaseUrl;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
        this.embeddedData = embeddedData;
        this.embeddedPort = embedded == null ? -1 : embedded.getPort();
    }

    public static Postgres fromEnvironmentOrEmbedded(Path dataDir) {
        String url = System.getenv("THIDUA_DB_URL");
        if (url != null && !url.isBlank()) {
            return external(url, envOr("THIDUA_DB_USER", "postgres"), envOr("THIDUA_DB_PASSWORD", ""));
        }
        return startEmbedded(dataDir);
    }

    /** A server that someone else runs and stops. */
    public static Postgres external(String adminDatabaseUrl, String user, String password) {
        return new Postgres(adminDatabaseUrl, user, password, null, null);
    }

    /** The URL of the maintenance database, for handing this server to another class loader or process. */
    public String adminDatabaseUrl() {
        return adminDatabaseUrl;
    }

    /** A fresh server: whatever an earlier run left in {@code dataDir/postgres} is removed first. */
    public static Postgres startEmbedded(Path dataDir) {
        Path data = dataDir.resolve("postgres");
        deleteRecursively(data);
        EmbeddedPostgres pg = startEmbedded(data, 0);
        return new Postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", pg, data);
    }

    /**
     * Zonky initialises the directory only when it holds no cluster yet, so the same directory and
     * port give back the same server. Its own clean-up is off (it would delete the data on every
     * stop); {@link #startEmbedded(Path)} and {@link #close()} clean up instead.
     */
    private static EmbeddedPostgres startEmbedded(Path data, int port) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200");
            if (port > 0) {
                builder.setPort(port);
            }
            return builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
        }
    }

    /**
     * Stops the embedded server as an outage would (every connection drops), keeping its data
     * until {@link #startAgain()}. For fault-injection tests; an external server is not ours to stop.
     */
    public synchronized void stop() {
        requireEmbedded();
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            embedded = null;
        }
    }

    /** Starts the stopped server again on the same port and data: clients reconnect to the URL they have. */
    public synchronized void startAgain() {
        requireEmbedded();
        if (embedded != null) {
            throw new IllegalStateException("PostgreSQL is running");
        }
        embedded = startEmbedded(embeddedData, embeddedPort);
    }

    private void requireEmbedded() {
        if (embeddedData == null) {
            throw new UnsupportedOperationException("The PostgreSQL server at " + serverUrl + " is not embedded");
        }
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + directory, e);
        }
    }

    /** Creates the database if it is missing; with {@code fresh}, drops an existing one first. */
    public String createDatabase(String name, boolean fresh) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(adminDatabaseUrl, user, password);
             Statement statement = connection.createStatement()) {
            if (fresh) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
            boolean exists;
            try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                query.setString(1, name);
                try (ResultSet rows = query.executeQuery()) {
                    exists = rows.next();
                }
            }
            if (!exists) {
                statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name + " on " + serverUrl, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return serverUrl + "/" + database + parameters;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    public boolean isEmbedded() {
        return embeddedData != null;
    }

    /** Stops an embedded server and removes its data, as zonky's own clean-up did. */
    @Override
    public synchronized void close() {
        if (embeddedData != null) {
            stop();
            deleteRecursively(embeddedData);
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
