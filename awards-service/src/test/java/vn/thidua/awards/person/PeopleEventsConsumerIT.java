package vn.thidua.awards.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.condition.Discipline;
import vn.thidua.awards.condition.Facts;
import vn.thidua.awards.condition.InitiativeScope;
import vn.thidua.awards.condition.RecognitionLevel;
import vn.thidua.awards.condition.TaskCompletion;
import vn.thidua.devstack.testing.KafkaTestClient;
import vn.thidua.devstack.testing.RealInfrastructure;

/** The read model of people follows thidua.people.v1: highest version per subject, once per event, bad events to the dead letters. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "service", value = "awards"))
class PeopleEventsConsumerIT {
    private static final String TOPIC = PeopleEventsSamples.TOPIC;
    private static final String UNIT = "000.00.32.H56";
    private final KafkaTestClient kafka = KafkaTestClient.shared();

    @Inject
    KnownPeople people;

    @Test
    void keepsTheNewestStateOfEachPersonResultAndInitiative() {
        UUID person = UUID.randomUUID();
        String first = PeopleEventsSamples.personRecorded(person, "Lê Thị Mẫu", UNIT, 1, data -> { });
        kafka.sendCloudEvent(TOPIC, person.toString(), first);
        // the same event again with other content, and an older state: neither changes anything
        kafka.sendCloudEvent(TOPIC, person.toString(), PeopleEventsSamples.withEventId(
                PeopleEventsSamples.personRecorded(person, "Tên giả mạo", UNIT, 5, data -> { }), PeopleEventsSamples.eventId(first)));
        kafka.sendCloudEvent(TOPIC, person.toString(), PeopleEventsSamples.personRecorded(person, "Tên cũ", UNIT, 0, data -> { }));
        // something unreadable goes to the dead letters; a type this service does not need is passed over
        String broken = PeopleEventsSamples.personRecorded(person, "Lê Thị Mẫu", UNIT, 9, data -> data.remove("fullName"));
        kafka.sendCloudEvent(TOPIC, person.toString(), broken);
        kafka.sendCloudEvent(TOPIC, UNIT + "/2025", PeopleEventsSamples.event("MemberStatisticsComputed", UNIT + "/2025",
                new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("unitCode", UNIT).put("year", 2025)));
        kafka.awaitRecord(TOPIC + ".dlq.awards-service", r -> broken.equals(r.value()), Duration.ofSeconds(30));
        // a newer state, last on the partition: once it shows, everything before it has been handled
        kafka.sendCloudEvent(TOPIC, person.toString(), PeopleEventsSamples.personRecorded(person, "Lê Thị Mẫu", UNIT, 2,
                data -> data.put("position", "Phó Trưởng ban")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> read(() -> people.find(person))
                .filter(p -> "Phó Trưởng ban".equals(p.position())).isPresent());
        KnownPerson known = read(() -> people.find(person)).orElseThrow();
        assertEquals("Lê Thị Mẫu", known.fullName());
        assertEquals(2, known.memberships().size());
        assertTrue(known.memberOf(UNIT, LocalDate.of(2025, 12, 31)));
        assertTrue(!known.memberOf(UNIT, LocalDate.of(2022, 12, 31)) && known.memberOf("000.00.33.H56", LocalDate.of(2022, 12, 31)));

        // a year's result, corrected, then another year's removed
        String year = person + "/2025";
        kafka.sendCloudEvent(TOPIC, year, PeopleEventsSamples.personYearRecorded(person, 2025, UNIT, "GOOD", List.of("LAO_DONG_TIEN_TIEN"),
                "NONE", 0));
        kafka.sendCloudEvent(TOPIC, year, PeopleEventsSamples.personYearRecorded(person, 2025, UNIT, "EXCELLENT",
                List.of("LAO_DONG_TIEN_TIEN", "CHIEN_SI_THI_DUA_CO_SO"), "REPRIMAND", 1));
        String removed = PeopleEventsSamples.removed(PeopleEventsSamples.personYearRecorded(person, 2024, UNIT, "GOOD", List.of(), "NONE", 3));
        kafka.sendCloudEvent(TOPIC, person + "/2024", PeopleEventsSamples.personYearRecorded(person, 2024, UNIT, "GOOD", List.of(), "NONE", 2));
        kafka.sendCloudEvent(TOPIC, person + "/2024", removed);
        // an initiative recognised twice: at the grassroots, then of provincial scope
        UUID initiative = UUID.randomUUID();
        kafka.sendCloudEvent(TOPIC, initiative.toString(), PeopleEventsSamples.initiativeRecorded(initiative, person, "Lê Thị Mẫu", UNIT,
                "2025-11-20", 3, recognitions -> recognitions.addObject().put("level", "PROVINCE").put("scope", "PROVINCE")
                        .put("issuer", "Hội đồng sáng kiến tỉnh Thanh Hóa").put("decisionNumber", "1234/QĐ-UBND").put("decidedOn", "2026-01-15")));

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertEquals(java.util.Map.of(2025, new Facts.PersonYear(TaskCompletion.EXCELLENT,
                    Set.of("LAO_DONG_TIEN_TIEN", "CHIEN_SI_THI_DUA_CO_SO"), Discipline.REPRIMAND)), read(() -> people.yearsOf(person)));
            assertEquals(List.of(
                    new Facts.InitiativeRecognition(initiative, "Số hóa hồ sơ đoàn viên", RecognitionLevel.GRASSROOTS, InitiativeScope.UNIT,
                            LocalDate.of(2025, 11, 20)),
                    new Facts.InitiativeRecognition(initiative, "Số hóa hồ sơ đoàn viên", RecognitionLevel.PROVINCE, InitiativeScope.PROVINCE,
                            LocalDate.of(2026, 1, 15))), read(() -> people.initiativesOf(person)));
        });
    }

    private static <T> T read(java.util.function.Supplier<T> query) {
        return QuarkusTransaction.requiringNew().call(query::get);
    }
}
