package vn.thidua.units.cluster;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import vn.thidua.units.cluster.ClusterEvents.ClusterState;

/**
 * What a transition of a {@link ClusterYear} did, as it returns it: the event type it is published
 * as ({@link ClusterEvents}), the state before it (none for a new cluster-year), the units that
 * joined and left (in the order given), and when. {@link ClusterChanges} persists it and publishes the event with the
 * state after it.
 */
record ClusterChange(ClusterYear cluster, String eventType, ClusterState before, Set<String> joined, Set<String> left,
                     Instant at) {
    ClusterChange {
        joined = Collections.unmodifiableSet(new LinkedHashSet<>(joined));
        left = Collections.unmodifiableSet(new LinkedHashSet<>(left));
    }
}
