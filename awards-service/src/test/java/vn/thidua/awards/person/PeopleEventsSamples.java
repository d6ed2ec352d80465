package vn.thidua.awards.person;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * units-service's people events as the catalogue documents them (docs/events/people/, checked against
 * docs/api/asyncapi.yaml and against what units-service sends), with this test's ids and values. Each call is a
 * new event id; {@code more} changes the data further.
 */
public final class PeopleEventsSamples {
    public static final String TOPIC = "thidua.people.v1";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private PeopleEventsSamples() {
    }

    /** An active person of {@code unitCode} since 2023-07-01, earlier in 000.00.33.H56. */
    public static String personRecorded(UUID id, String fullName, String unitCode, long version, Consumer<ObjectNode> more) {
        return sample("PersonRecorded", id.toString(), data -> {
            data.put("id", id.toString()).put("fullName", fullName).put("unitCode", unitCode).put("version", version);
            ((ObjectNode) data.get("memberships").get(1)).put("unitCode", unitCode);
            more.accept(data);
        });
    }

    /** The person's result of the year: rating, titles conferred by the unit, discipline. */
    public static String personYearRecorded(UUID personId, int year, String unitCode, String taskRating, List<String> titles,
                                            String discipline, long version) {
        return sample("PersonYearRecorded", personId + "/" + year, data -> {
            data.put("personId", personId.toString()).put("year", year).put("unitCode", unitCode).put("taskRating", taskRating)
                    .put("discipline", discipline).put("version", version);
            ArrayNode array = data.putArray("titles");
            titles.forEach(array::add);
        });
    }

    /** An initiative of the person, recognised at the grassroots (unit scope) on {@code grassrootsOn}; {@code more} adds others. */
    public static String initiativeRecorded(UUID id, UUID author, String authorName, String unitCode, String grassrootsOn, long version,
                                            Consumer<ArrayNode> more) {
        return sample("InitiativeRecorded", id.toString(), data -> {
            data.put("id", id.toString()).put("title", "Số hóa hồ sơ đoàn viên").put("unitCode", unitCode).put("version", version);
            data.putArray("authors").addObject().put("personId", author.toString()).put("fullName", authorName);
            ArrayNode recognitions = data.putArray("recognitions");
            recognitions.addObject().put("level", "GRASSROOTS").put("scope", "UNIT").put("issuer", "Hội đồng sáng kiến cơ sở")
                    .put("decisionNumber", "45/QĐ-LĐLĐ").put("decidedOn", grassrootsOn);
            more.accept(recognitions);
        });
    }

    private static String sample(String type, String subject, Consumer<ObjectNode> data) {
        return vn.thidua.devstack.testing.EventSamples.sample("people/" + type + ".json", event -> {
            event.put("id", UUID.randomUUID().toString());
            event.put("subject", subject);
            event.put("time", Instant.now().toString());
            data.accept((ObjectNode) event.get("data"));
        });
    }

    /** The same result as its unit deleted it: {@code removed}, with the fields of its last state. */
    public static String removed(String personYearRecorded) {
        try {
            ObjectNode event = (ObjectNode) MAPPER.readTree(personYearRecorded);
            ((ObjectNode) event.get("data")).put("removed", true);
            return event.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The same event under another event id: a redelivery when {@code id} is an earlier event's. */
    public static String withEventId(String event, String id) {
        try {
            return ((ObjectNode) MAPPER.readTree(event)).put("id", id).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The event's id. */
    public static String eventId(String event) {
        try {
            return MAPPER.readTree(event).get("id").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The envelope units-service's outbox writes around {@code data}. */
    public static String event(String type, String subject, ObjectNode data) {
        ObjectNode event = MAPPER.createObjectNode().put("specversion", "1.0").put("id", UUID.randomUUID().toString())
                .put("source", "/thidua/units-service").put("type", "vn.thidua.units." + type).put("subject", subject)
                .put("time", Instant.now().toString()).put("datacontenttype", "application/json");
        event.set("data", data);
        return event.toString();
    }
}
