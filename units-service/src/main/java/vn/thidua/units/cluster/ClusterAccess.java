package vn.thidua.units.cluster;

import io.quarkus.security.ForbiddenException;
import java.util.Optional;
import java.util.Set;
import vn.thidua.platform.security.Caller;

/**
 * Who may see and change cluster-years. Admins and Board officers manage everything; viewers read
 * everything; cluster leaders and unit representatives read only the cluster-years their unit
 * (token claim {@code unit}) is a member of; nobody else gets in.
 */
public final class ClusterAccess {

    /** Which cluster-years a caller may read: all, those of one unit, or none. */
    public record ReadScope(boolean all, Optional<String> unit) {
        static final ReadScope ALL = new ReadScope(true, Optional.empty());
        static final ReadScope NOTHING = new ReadScope(false, Optional.empty());

        public boolean nothing() {
            return !all && unit.isEmpty();
        }

        public boolean allows(Set<String> members) {
            return all || unit.filter(members::contains).isPresent();
        }
    }

    private ClusterAccess() {
    }

    public static ReadScope readScope(Caller caller) {
        if (caller.readsEveryCluster()) {
            return ReadScope.ALL;
        }
        return caller.actingUnit().map(unit -> new ReadScope(false, Optional.of(unit))).orElse(ReadScope.NOTHING);
    }

    /** Refuses (403) a caller who may not read a cluster-year with these current members. */
    public static void requireRead(Caller caller, Set<String> members) {
        if (!caller.readsClusterOf(members)) {
            throw new ForbiddenException(caller.subject() + " may not read this cluster-year");
        }
    }

    public static void requireManage(Caller caller) {
        caller.requireBoardOrAdmin();
    }
}
