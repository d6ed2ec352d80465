package vn.thidua.scoring.cluster;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import vn.thidua.devstack.testing.EventSamples;

/**
 * Cluster events for tests, made from the samples units-service documents (docs/events/clusters/)
 * with only what a test needs changed. Ids from 900001 up belong to this package's tests.
 */
final class ClusterEventMother {
    static final String TOPIC = "thidua.clusters.v1";
    static final String DEAD_LETTERS = "thidua.clusters.v1.dlq.scoring-service";

    private ClusterEventMother() {
    }

    /** A new event id, as units-service would give every event. */
    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** See {@link EventSamples#clusterEvent}. */
    static String event(String type, String eventId, long clusterId, long version, List<String> members,
                        Consumer<ObjectNode> more) {
        return EventSamples.clusterEvent(type, eventId, clusterId, version, members, more);
    }

    static String event(String type, String eventId, long clusterId, long version, List<String> members) {
        return event(type, eventId, clusterId, version, members, data -> { });
    }
}
