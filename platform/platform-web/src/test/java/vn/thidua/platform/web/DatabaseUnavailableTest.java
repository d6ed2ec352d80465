package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    @Test
    void aRefusedOrBrokenConnectionIsAnOutageHoweverDeeplyWrapped() {
        // what Hibernate raised while PostgreSQL was stopped (FaultInjectionIT)
        SQLException refused = new SQLException("Connection to localhost:5432 refused", "08001");
        assertTrue(DatabaseUnavailable.causedBy(new IllegalStateException("persistence", new RuntimeException(refused))));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("terminating connection due to administrator command", "57P01")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("the database system is starting up", "57P03")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLTransientConnectionException("gone")));
        assertTrue(DatabaseUnavailable.causedBy(new SQLException("Acquisition timeout while waiting for new connection", new TimeoutException())));
    }

    @Test
    void aFailedCommitCarryingTheConnectionErrorAsSuppressedIsAnOutage() {
        RuntimeException commit = new RuntimeException("Could not commit transaction");
        commit.addSuppressed(new SQLException("This connection has been closed.", "08003"));
        assertTrue(DatabaseUnavailable.causedBy(commit));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("duplicate key value violates unique constraint", "23505")));
        assertFalse(DatabaseUnavailable.causedBy(new SQLException("no SQLState")));
        assertFalse(DatabaseUnavailable.causedBy(new NullPointerException()));
        RuntimeException cycle = new RuntimeException("a");
        RuntimeException other = new RuntimeException("b", cycle);
        cycle.initCause(other);
        assertFalse(DatabaseUnavailable.causedBy(cycle));
    }
}
