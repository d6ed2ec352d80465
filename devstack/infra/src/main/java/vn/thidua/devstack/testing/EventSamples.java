package vn.thidua.devstack.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.function.Consumer;

/**
 * The sample events documented in {@code docs/events/}, as consumers' tests send them, and the
 * example requests of {@code docs/examples/}. Tests
 * start from the documented sample and change only what they need, so a consumer that cannot
 * read what the catalogue promises fails its tests.
 */
public final class EventSamples {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventSamples() {
    }

    /** {@code docs/events/units/UnitRegistered.json} with another id, code, name and version. */
    public static String unitRegistered(String id, String code, String name, long version) {
        return sample("units/UnitRegistered.json", event -> {
            event.put("id", id);
            event.put("subject", code);
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("code", code);
            data.put("name", name);
            data.put("version", version);
        });
    }

    /**
     * units-service's documented cluster event of that type ({@code ClusterCreated},
     * {@code ClusterMembershipChanged}, {@code ClusterLeadershipAssigned}, {@code ClusterAgreementRecorded})
     * for another cluster-year, with this event id, version and members; a leader who is no longer a
     * member is cleared with the deputy, and {@code more} changes the data further.
     */
    public static String clusterEvent(String type, String eventId, long clusterId, long version, List<String> members,
                                      Consumer<ObjectNode> more) {
        return sample("clusters/" + type + ".json", event -> {
            event.put("id", eventId);
            event.put("subject", Long.toString(clusterId));
            ObjectNode data = (ObjectNode) event.get("data");
            data.put("id", clusterId);
            data.put("version", version);
            ArrayNode array = data.putArray("members");
            members.forEach(array::add);
            String leader = data.hasNonNull("leaderUnitCode") ? data.get("leaderUnitCode").asText() : null;
            if (leader != null && !members.contains(leader)) {
                data.putNull("leaderUnitCode");
                data.putNull("deputyUnitCode");
                data.putNull("leadershipBasis");
            }
            more.accept(data);
        });
    }

    /** A documented sample, changed by {@code edit}. */
    public static String sample(String relativePath, Consumer<ObjectNode> edit) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(Files.readString(DocsFolder.of("events").resolve(relativePath)));
            edit.accept(event);
            return MAPPER.writeValueAsString(event);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documented example request ({@code docs/examples/}), changed by {@code edit}. */
    public static ObjectNode example(String name, Consumer<ObjectNode> edit) {
        try {
            ObjectNode example = (ObjectNode) MAPPER.readTree(Files.readString(DocsFolder.of("examples").resolve(name)));
            edit.accept(example);
            return example;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
