package vn.thidua.platform.clusters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.platform.events.CloudEvents;
import vn.thidua.platform.events.MalformedEventException;

/** Contract test: the read model takes the samples units-service documents for thidua.clusters.v1. */
class ClusterStateTest {
    private static final CloudEvents EVENTS = new CloudEvents(JsonMapper.builder().findAndAddModules().build());
    private static final List<String> SEVEN_2016 = List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56",
            "000.00.34.H56", "000.00.35.H56", "000.00.36.H56");

    @ParameterizedTest
    @ValueSource(strings = {"ClusterCreated", "ClusterMembershipChanged", "ClusterLeadershipAssigned", "ClusterAgreementRecorded",
            "ClusterEmulationLeadersRecorded"})
    void readsEveryDocumentedSample(String type) {
        ClusterState state = read(type, data -> { });
        assertEquals("CUM-07", state.code());
        assertEquals("Cụm thi đua số 7", state.name());
        assertEquals("CLUSTER", state.kind());
        assertTrue(state.version() >= 0);
        assertFalse(state.members().isEmpty());
    }

    @Test
    void takesTheFieldsTheReadModelKeeps() {
        ClusterState created = read("ClusterCreated", data -> { });
        assertEquals(7L, created.id());
        assertEquals(2016, created.year());
        assertEquals(SEVEN_2016, created.members());
        assertNull(created.leaderUnitCode());
        assertNull(created.deputyUnitCode());
        assertEquals(0L, created.version());

        ClusterState agreement = read("ClusterAgreementRecorded", data -> { });
        assertEquals(42L, agreement.id());
        assertEquals(2023, agreement.year());
        assertEquals(8, agreement.members().size());
        assertEquals("000.00.34.H56", agreement.leaderUnitCode());
        assertEquals("000.00.35.H56", agreement.deputyUnitCode());
        assertEquals(3L, agreement.version());
    }

    @Test
    void ignoresFieldsItDoesNotKnow() {
        ClusterState state = read("ClusterLeadershipAssigned", data -> data.put("somethingNew", "added in a later release"));
        assertEquals("000.00.32.H56", state.leaderUnitCode());
    }

    @Test
    void aBlockIsReadToo() {
        assertEquals("BLOCK", read("ClusterCreated", data -> data.put("kind", "BLOCK")).kind());
    }

    @Test
    void membersAreASetInCodeOrder() {
        ClusterState state = read("ClusterCreated", data -> {
            data.putArray("members").add("000.00.33.H56").add("000.00.31.H56").add("000.00.33.H56");
        });
        assertEquals(List.of("000.00.31.H56", "000.00.33.H56"), List.copyOf(state.memberSet()));
    }

    @Test
    void anEmptyClusterYearIsStillACluster() {
        assertTrue(read("ClusterCreated", data -> data.putArray("members")).memberSet().isEmpty());
    }

    @Test
    void readsTheEmulationLeadersAsASetInCodeOrder() {
        ClusterState recorded = read("ClusterEmulationLeadersRecorded", data -> { });
        assertEquals(List.of("000.00.32.H56"), recorded.emulationLeaders());
        ClusterState several = read("ClusterCreated", data ->
                data.putArray("emulationLeaders").add("000.00.35.H56").add("000.00.31.H56").add("000.00.35.H56"));
        assertEquals(List.of("000.00.31.H56", "000.00.35.H56"), List.copyOf(several.emulationLeaderSet()));
        assertTrue(read("ClusterCreated", data -> { }).emulationLeaders().isEmpty());
    }

    @Test
    void anEventWrittenBeforeEmulationLeadersExistedHasNone() {
        assertEquals(List.of(), read("ClusterLeadershipAssigned", data -> data.remove("emulationLeaders")).emulationLeaders());
        assertEquals(List.of(), read("ClusterLeadershipAssigned", data -> data.putNull("emulationLeaders")).emulationLeaders());
    }

    @Test
    void onlyStrictlyNewerNewsWins() {
        ClusterState v1 = read("ClusterLeadershipAssigned", data -> { });
        assertTrue(v1.isNewerThan(0));
        assertFalse(v1.isNewerThan(1));
        assertFalse(v1.isNewerThan(2));
    }

    @Test
    void refusesDataOfTheWrongShape() {
        assertMalformed(data -> data.put("members", "000.00.31.H56"));
        assertMalformed(data -> data.put("year", "năm nay"));
        assertMalformed(data -> data.remove("id"));
        assertMalformed(data -> data.put("id", 0));
        assertMalformed(data -> data.remove("code"));
        assertMalformed(data -> data.put("code", "CUM-07-QUA-DAI-HON-HAI-MUOI"));
        assertMalformed(data -> data.put("name", " "));
        assertMalformed(data -> data.put("name", "x".repeat(301)));
        assertMalformed(data -> data.put("kind", "GROUP"));
        assertMalformed(data -> data.putNull("kind"));
        assertMalformed(data -> data.put("year", 1999));
        assertMalformed(data -> data.put("year", 2101));
        assertMalformed(data -> data.remove("members"));
        assertMalformed(data -> data.putArray("members").add("000.00.31.H56").addNull());
        assertMalformed(data -> data.putArray("members").add("not a unit code"));
        assertMalformed(data -> data.put("leaderUnitCode", ""));
        assertMalformed(data -> data.put("deputyUnitCode", "x".repeat(36)));
        assertMalformed(data -> data.put("emulationLeaders", "000.00.31.H56"));
        assertMalformed(data -> data.putArray("emulationLeaders").add("000.00.31.H56").addNull());
        assertMalformed(data -> data.putArray("emulationLeaders").add("not a unit code"));
        assertMalformed(data -> data.putArray("emulationLeaders").add("x".repeat(36)));
        assertMalformed(data -> data.remove("version"));
        assertMalformed(data -> data.put("version", -1));
    }

    private static void assertMalformed(Consumer<ObjectNode> edit) {
        assertThrows(MalformedEventException.class, () -> read("ClusterCreated", edit));
    }

    /** Reads a documented sample the way the consumer does: envelope first, then the data as {@link ClusterState}. */
    private static ClusterState read(String type, Consumer<ObjectNode> editData) {
        String event = EventSamples.sample("clusters/" + type + ".json", node -> editData.accept((ObjectNode) node.get("data")));
        return EVENTS.data(EVENTS.parse(event), ClusterState.class);
    }
}
