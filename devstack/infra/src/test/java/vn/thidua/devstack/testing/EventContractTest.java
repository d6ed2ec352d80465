package vn.thidua.devstack.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What {@link EventContract} lets through and what it refuses, on records built from the documented samples. */
class EventContractTest {
    private static final EventContract CONTRACT = EventContract.shared();
    private static final String UNITS = "thidua.units.v1";
    private static final String UNIT_CODE = "000.00.32.H56";
    private static final Map<String, String> HEADERS = Map.of("content-type", "application/cloudevents+json; charset=UTF-8");

    @Test
    void aUnitEventAsTheRelaySendsItConforms() {
        assertEquals(List.of(), CONTRACT.problems(UNITS, UNIT_CODE, HEADERS, unitRegistered(event -> { })));
        assertEquals(List.of(), CONTRACT.problems(UNITS, UNIT_CODE, Map.of("content-type", HEADERS.get("content-type"),
                "traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), unitRegistered(event -> {
                    event.put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
                    event.put("partitionkey", "an extension attribute, which CloudEvents consumers tolerate");
                })));
    }

    @Test
    void aTypeTheTopicDoesNotCarryIsRefused() {
        assertRefused("is not a message of thidua.units.v1", unitRegistered(event -> event.put("type", "vn.thidua.units.UnitRenamed")));
        String ranking = EventSamples.sample("scoring/ClusterRankingFinalized.json", event -> event.put("subject", UNIT_CODE));
        assertRefused("vn.thidua.scoring.ClusterRankingFinalized is not a message of thidua.units.v1", ranking);
    }

    @Test
    void dataOfTheWrongShapeIsRefused() {
        assertRefused("code", unitRegistered(event -> ((ObjectNode) event.get("data")).remove("code")));
        assertRefused("kind", unitRegistered(event -> ((ObjectNode) event.get("data")).put("kind", "PARTY")));
        assertRefused("version", unitRegistered(event -> ((ObjectNode) event.get("data")).put("version", -1)));
        assertRefused("statusEffectiveFrom", unitRegistered(event -> ((ObjectNode) event.get("data")).put("statusEffectiveFrom", "1/7/2025")));
        assertRefused("source", unitRegistered(event -> event.put("source", "/thidua/scoring-service")));
        assertRefused("time", unitRegistered(event -> event.remove("time")));
    }

    @Test
    void formatsAreAsserted() {
        String council = EventSamples.sample("awards/CouncilConcluded.json", event -> event.put("subject", "session-7"));
        List<String> problems = CONTRACT.problems("thidua.awards.council.v1", "session-7", HEADERS, council);
        assertTrue(!problems.isEmpty() && problems.stream().allMatch(problem -> problem.contains("/subject")), problems::toString);
        assertRefused("/time", unitRegistered(event -> event.put("time", "2016-12-14 08:00")));
    }

    @Test
    void aFieldTheContractDoesNotDescribeIsRefusedInData() {
        assertRefused("contactEmail", unitRegistered(event -> ((ObjectNode) event.get("data")).put("contactEmail", "a@b.vn")));
    }

    @Test
    void theKeyMustBeTheSubjectAndTheContentTypeHeaderIsRequired() {
        assertEquals(List.of("the key 000.00.33.H56 is not the event's subject " + UNIT_CODE),
                CONTRACT.problems(UNITS, "000.00.33.H56", HEADERS, unitRegistered(event -> { })));
        List<String> problems = CONTRACT.problems(UNITS, UNIT_CODE, Map.of(), unitRegistered(event -> { }));
        assertTrue(problems.size() == 1 && problems.get(0).startsWith("headers ") && problems.get(0).contains("content-type"), problems::toString);
    }

    @Test
    void onlyDescribedEventTopicsHaveRecordsToCheck() {
        assertRefused("not JSON", "not an event");
        assertEquals(List.of("topic thidua.units.v2 has no channel in the event contract"),
                CONTRACT.problems("thidua.units.v2", UNIT_CODE, HEADERS, unitRegistered(event -> { })));
        assertTrue(CONTRACT.topics().contains("thidua.units.v1.dlq.scoring-service"));
        assertTrue(CONTRACT.problems("thidua.units.v1.dlq.scoring-service", UNIT_CODE, HEADERS, "anything").get(0)
                .contains("does not carry CloudEvents"));
    }

    @Test
    void aFailedRecordSaysWhereItIsAndWhatIsWrong() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(UNITS, 2, 41, UNIT_CODE,
                unitRegistered(event -> ((ObjectNode) event.get("data")).put("kind", "PARTY")));
        record.headers().add("content-type", HEADERS.get("content-type").getBytes(StandardCharsets.UTF_8));
        AssertionError failure = assertThrows(AssertionError.class, () -> CONTRACT.assertConforms(record));
        assertTrue(failure.getMessage().contains("thidua.units.v1 (partition 2, offset 41)") && failure.getMessage().contains("kind"),
                failure::getMessage);
    }

    private static String unitRegistered(Consumer<ObjectNode> edit) {
        return EventSamples.sample("units/UnitRegistered.json", edit);
    }

    /** Refused, and every problem names {@code naming} (a oneOf of a value or null reports each branch). */
    private static void assertRefused(String naming, String value) {
        List<String> problems = CONTRACT.problems(UNITS, UNIT_CODE, HEADERS, value);
        assertTrue(!problems.isEmpty() && problems.stream().allMatch(problem -> problem.contains(naming)),
                "expected problems naming " + naming + ", got " + problems);
    }
}
