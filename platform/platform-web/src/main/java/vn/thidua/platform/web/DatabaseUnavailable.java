package vn.thidua.platform.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells a failure caused by the database being out of reach (down, restarting, refusing
 * connections, or no pooled connection free in time) from a fault of ours. The first is the
 * caller's cue to try again shortly (503), not an incident (500). Works on the JDBC exceptions
 * however deeply Hibernate, JTA or CDI wrapped them, so it needs none of those libraries.
 */
public final class DatabaseUnavailable {
    /** How long a caller should wait before trying again: about what a PostgreSQL restart or a failover takes. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        return search(failure, seen);
    }

    private static boolean search(Throwable failure, Set<Throwable> seen) {
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (t instanceof SQLException sql && isUnavailable(sql)) {
                return true;
            }
            // a failed commit may carry the connection error only as a suppressed exception
            for (Throwable suppressed : t.getSuppressed()) {
                if (search(suppressed, seen)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e) {
        if (e instanceof SQLTransientConnectionException || e instanceof SQLNonTransientConnectionException) {
            return true;
        }
        String state = e.getSQLState();
        if (state != null && (state.startsWith("08")           // connection exception: refused, broken, closed
                || state.equals("57P01")                        // admin_shutdown: the server is stopping
                || state.equals("57P02")                        // crash_shutdown
                || state.equals("57P03"))) {                    // cannot_connect_now: starting up or shutting down
            return true;
        }
        // Agroal's pool gave no connection within the acquisition timeout (it sets no SQLState)
        String message = e.getMessage();
        return message != null && message.startsWith("Acquisition timeout");
    }
}
