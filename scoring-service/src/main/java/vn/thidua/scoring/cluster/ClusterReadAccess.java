package vn.thidua.scoring.cluster;

import java.util.Collection;
import java.util.Optional;
import vn.thidua.platform.security.Caller;

/**
 * Which cluster-years a caller may read: admins, Board officers and viewers all of them; cluster
 * leaders and unit representatives only those their own unit (token claim {@code unit}) is a
 * member of; anyone else none. The same rule units-service applies to its cluster API.
 */
record ClusterReadAccess(boolean all, Optional<String> unit) {
    static final ClusterReadAccess ALL = new ClusterReadAccess(true, Optional.empty());
    static final ClusterReadAccess NOTHING = new ClusterReadAccess(false, Optional.empty());

    static ClusterReadAccess of(Caller caller) {
        if (caller.readsEveryCluster()) {
            return ALL;
        }
        return caller.actingUnit().map(unit -> new ClusterReadAccess(false, Optional.of(unit))).orElse(NOTHING);
    }

    boolean nothing() {
        return !all && unit.isEmpty();
    }

    boolean allows(Collection<String> members) {
        return all || unit.filter(members::contains).isPresent();
    }
}
