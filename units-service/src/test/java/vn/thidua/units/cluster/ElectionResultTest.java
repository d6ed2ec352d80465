package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.Instant;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import vn.thidua.devstack.testing.EventSamples;
import vn.thidua.platform.events.MalformedEventException;

/** The consumer's side of the contract: the documented ClusterLeaderElected sample must read. */
class ElectionResultTest {
    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static ElectionResult read(Consumer<ObjectNode> edit) throws Exception {
        JsonNode event = MAPPER.readTree(EventSamples.sample("awards/ClusterLeaderElected.json", edit));
        return ElectionResult.from(MAPPER.treeToValue(event.get("data"), LeaderElected.class));
    }

    @Test
    void theDocumentedSampleReads() throws Exception {
        JsonNode event = MAPPER.readTree(EventSamples.sample("awards/ClusterLeaderElected.json", e -> { }));
        assertEquals(ClusterEvents.LEADER_ELECTED, event.get("type").asText());
        ElectionResult result = read(e -> { });
        assertEquals("CUM-07", result.clusterCode().value());
        assertEquals(ClusterKind.CLUSTER, result.kind());
        assertEquals(2017, result.year().value());
        assertEquals(new Leadership("000.00.33.H56", "000.00.34.H56"), result.leadership());
        assertEquals(Instant.parse("2016-12-14T09:35:00Z"), result.electedAt());
    }

    @Test
    void fieldsAddedLaterAndAMissingDeputyAreFine() throws Exception {
        ElectionResult result = read(e -> {
            ObjectNode data = (ObjectNode) e.get("data");
            data.put("ballots", 8);
            data.remove("deputyUnitCode");
        });
        assertNull(result.leadership().deputyUnitCode());
    }

    @Test
    void dataThatCanNeverBeAppliedIsMalformed() {
        for (String field : new String[] {"clusterCode", "kind", "year", "leaderUnitCode", "votingSessionId", "electedAt"}) {
            assertThrows(MalformedEventException.class, () -> read(e -> ((ObjectNode) e.get("data")).remove(field)), field);
        }
        assertThrows(MalformedEventException.class, () -> read(e -> ((ObjectNode) e.get("data")).put("year", 1990)));
        assertThrows(MalformedEventException.class, () -> read(e -> ((ObjectNode) e.get("data")).put("kind", "TEAM")));
        assertThrows(MalformedEventException.class, () -> read(e -> ((ObjectNode) e.get("data")).put("leaderUnitCode", "not a code")));
        assertThrows(MalformedEventException.class,
                () -> read(e -> ((ObjectNode) e.get("data")).put("deputyUnitCode", "000.00.33.H56")));
    }
}
