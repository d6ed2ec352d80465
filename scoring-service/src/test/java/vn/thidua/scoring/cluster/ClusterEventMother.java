package vn.thidua.scoring.cluster;

import com.fasterxml.jackson.databind.node.ArrayNode;
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

    /**
     * The sample of that type ({@code ClusterCreated}, {@code ClusterMembershipChanged},
     * {@code ClusterLeadershipAssigned}, {@code ClusterAgreementRecorded}) for another cluster-year,
     * with this event id, version and members; {@code more} changes the data further.
     */
    static String event(String type, String eventId, long clusterId, long version, List<String> members,
                        Consumer<ObjectNode> more) {
        return EventSamples.sample("clusters/" + type + ".json", event -> {
            event.put("id", eventId);
            event.put("subject", Long.toString(clusterId));
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("id", clusterId);
            data.put("version", version);
            ArrayNode array = data.putArray("members");
            members.forEach(array::add);
            String leader = text(data, "leaderUnitCode");
            if (leader != null && !members.contains(leader)) {
                data.putNull("leaderUnitCode");
                data.putNull("deputyUnitCode");
                data.putNull("leadershipBasis");
            }
            more.accept(data);
        });
    }

    static String event(String type, String eventId, long clusterId, long version, List<String> members) {
        return event(type, eventId, clusterId, version, members, data -> { });
    }

    private static String text(ObjectNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }
}
