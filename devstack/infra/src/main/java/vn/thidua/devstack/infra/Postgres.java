package vn.thidua.devstack.infra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private final EmbeddedPostgres embedded;

    private Postgres(String adminDatabaseUrl, String user, String password, EmbeddedPostgres embedded) {
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
        return new Postgres(adminDatabaseUrl, user, password, null);
    }

    /** The URL of the maintenance database, for handing this server to another class loader or process. */
    public String adminDatabaseUrl() {
        return adminDatabaseUrl;
    }

    public static Postgres startEmbedded(Path dataDir) {
        try {
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir.resolve("postgres"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "200")
                    .start();
            return new Postgres(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", pg);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL", e);
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
        return embedded != null;
    }

    @Override
    public void close() {
        if (embedded != null) {
            try {
                embedded.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
