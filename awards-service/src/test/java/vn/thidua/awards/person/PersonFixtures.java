package vn.thidua.awards.person;

import static io.restassured.RestAssured.given;
import static vn.thidua.awards.vote.VotingFixtures.BOARD;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import vn.thidua.awards.vote.VotingFixtures;

/**
 * What a test of person awards needs: award types for persons with the rule sets of {@code src/test/resources/person-rule-sets}
 * (the JSON the Board would enter, docs/rules.md), and people, their results and initiatives as units-service announces them.
 */
public final class PersonFixtures {
    public static final String AWARD_TYPES = "/api/awards/award-types/";

    private PersonFixtures() {
    }

    /** A rule set the Board would enter for a person award, as JSON. */
    public static String ruleSet(String awardTypeCode) {
        try (InputStream in = PersonFixtures.class.getResourceAsStream("/person-rule-sets/" + awardTypeCode + ".json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The award type for persons with its rule set of {@code person-rule-sets}, unless the catalogue has it already. */
    public static String personAward(String code, String name, String level) {
        if (given().auth().oauth2(BOARD).get(AWARD_TYPES + code).statusCode() == 404) {
            given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(Map.of("name", name, "level", level,
                            "decidingAuthority", "Thủ trưởng cơ quan, đơn vị", "recipient", "PERSON"))
                    .put(AWARD_TYPES + code).then().statusCode(200);
            given().auth().oauth2(BOARD).contentType(ContentType.JSON).body(ruleSet(code))
                    .post(AWARD_TYPES + code + "/rule-sets").then().statusCode(201);
        }
        return code;
    }

    /** "Lao động tiên tiến" and "Chiến sĩ thi đua cơ sở", the latter resting on the former's conditions. */
    public static String grassrootsFighter() {
        personAward("LAO_DONG_TIEN_TIEN", "Lao động tiên tiến", "DEPARTMENT");
        return personAward("CHIEN_SI_THI_DUA_CO_SO", "Chiến sĩ thi đua cơ sở", "DEPARTMENT");
    }

    /** Announces an active person of {@code unit} and waits until awards-service knows them. */
    public static UUID person(KnownPeople people, String fullName, String unit) {
        UUID id = UUID.randomUUID();
        VotingFixtures.KAFKA.sendCloudEvent(PeopleEventsSamples.TOPIC, id.toString(), PeopleEventsSamples.personRecorded(id, fullName, unit, 0,
                data -> { }));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> people.find(id)).isPresent());
        return id;
    }

    /** Announces the person's result of the year and waits until awards-service has it. */
    public static void result(KnownPeople people, UUID person, int year, String unit, String taskRating, List<String> titles) {
        VotingFixtures.KAFKA.sendCloudEvent(PeopleEventsSamples.TOPIC, person + "/" + year,
                PeopleEventsSamples.personYearRecorded(person, year, unit, taskRating, titles, "NONE", 0));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                QuarkusTransaction.requiringNew().call(() -> people.yearsOf(person)).containsKey(year));
    }
}
