package vn.thidua.devstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What every table of the services' databases holds, reduced to a row count and an order-free sum
 * of row hashes per table, read in one query per database: two fingerprints differ exactly when
 * some row was inserted, deleted or changed (up to a hash collision). Tables that change on their
 * own (the outbox relay marking rows sent, Flyway's history) are left out by name.
 */
final class DataFingerprint implements AutoCloseable {
    /** Written by background work or by bookkeeping that is not the services' data. */
    private static final Set<String> IGNORED = Set.of("flyway_schema_history");

    private final Map<String, Connection> connections = new TreeMap<>();
    private final Map<String, String> queries = new TreeMap<>();

    DataFingerprint(Map<String, String> jdbcUrlByDatabase, String user, String password) throws SQLException {
        for (Map.Entry<String, String> database : jdbcUrlByDatabase.entrySet()) {
            Connection connection = DriverManager.getConnection(database.getValue(), user, password);
            connection.setReadOnly(true);
            connections.put(database.getKey(), connection);
            queries.put(database.getKey(), fingerprintQuery(connection));
        }
    }

    /** Table ({@code database.schema.table}) to {@code rows:hashSum}. */
    Map<String, String> take() {
        Map<String, String> tables = new TreeMap<>();
        for (Map.Entry<String, Connection> database : connections.entrySet()) {
            String query = queries.get(database.getKey());
            if (query == null) {
                continue;
            }
            try (Statement statement = database.getValue().createStatement(); ResultSet rows = statement.executeQuery(query)) {
                while (rows.next()) {
                    tables.put(database.getKey() + "." + rows.getString(1), rows.getLong(2) + ":" + rows.getLong(3));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the fingerprint of " + database.getKey(), e);
            }
        }
        return tables;
    }

    /** The tables whose fingerprint differs between two readings. */
    static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> changed = new TreeSet<>();
        Set<String> all = new TreeSet<>(before.keySet());
        all.addAll(after.keySet());
        for (String table : all) {
            if (!java.util.Objects.equals(before.get(table), after.get(table))) {
                changed.add(table);
            }
        }
        return changed;
    }

    private static String fingerprintQuery(Connection connection) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet tables = statement.executeQuery("SELECT table_schema, table_name FROM information_schema.tables "
                        + "WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') "
                        + "ORDER BY table_schema, table_name")) {
            while (tables.next()) {
                String schema = tables.getString(1);
                String table = tables.getString(2);
                if (IGNORED.contains(table)) {
                    continue;
                }
                String name = quote(schema) + "." + quote(table);
                parts.add("SELECT '" + schema + "." + table + "', count(*), coalesce(sum(hashtext(t::text)::bigint), 0) FROM " + name + " t");
            }
        }
        return parts.isEmpty() ? null : String.join(" UNION ALL ", parts);
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public void close() {
        for (Connection connection : connections.values()) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing: nothing left to do with it
            }
        }
    }
}
