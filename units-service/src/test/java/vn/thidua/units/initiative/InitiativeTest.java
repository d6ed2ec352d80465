package vn.thidua.units.initiative;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.units.person.Gender;
import vn.thidua.units.person.Person;
import vn.thidua.units.person.PersonDetails;

/** An initiative's rules, without Quarkus. */
class InitiativeTest {
    static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");
    static final String UNIT = "000.00.32.H56";

    static Person author(String name, String joinedOn) {
        Person person = Person.register(new PersonDetails(name, Gender.FEMALE, 1980, null, null), "rep", NOW);
        person.join(UNIT, null, null, LocalDate.parse(joinedOn), "rep", NOW);
        return person;
    }

    static Initiative initiative(Person... authors) {
        return Initiative.register(new Initiative.Registration(UNIT, "Số hóa hồ sơ", null, LocalDate.parse("2025-03-10"), List.of(authors)), "rep", NOW);
    }

    static void assertRefused(String type, Runnable action) {
        assertEquals(type, assertThrows(Refusal.class, action::run).type());
    }

    @Test
    void authorsBelongedToTheUnitOnTheDayRegistered() {
        assertRefused("author-not-member", () -> initiative(author("Người mới", "2025-06-01")));
        assertRefused("invalid-field", () -> initiative());
        Person a = author("Tác giả", "2020-01-01");
        assertRefused("invalid-field", () -> initiative(a, a));
        assertEquals(2, initiative(a, author("Đồng tác giả", "2021-01-01")).authors().size());
    }

    @Test
    void onceALevelNotBeforeRegistrationAndNoWiderThanTheCouncil() {
        Initiative initiative = initiative(author("Tác giả", "2020-01-01"));
        Initiative.Recognition grassroots = new Initiative.Recognition(RecognitionLevel.GRASSROOTS, EffectScope.UNIT, "HĐSK cơ sở", "45/QĐ",
                LocalDate.parse("2025-11-20"));
        initiative.recognise(grassroots, "rep", NOW);
        assertRefused("initiative-recognised-twice", () -> initiative.recognise(grassroots, "rep", NOW));
        assertRefused("scope-beyond-level", () -> initiative.recognise(new Initiative.Recognition(RecognitionLevel.PROVINCE, EffectScope.NATIONAL,
                "HĐSK tỉnh", "1/QĐ", LocalDate.parse("2025-12-01")), "board", NOW));
        assertRefused("recognised-before-registered", () -> initiative.recognise(new Initiative.Recognition(RecognitionLevel.PROVINCE,
                EffectScope.PROVINCE, "HĐSK tỉnh", "1/QĐ", LocalDate.parse("2025-01-01")), "board", NOW));
        initiative.recognise(new Initiative.Recognition(RecognitionLevel.PROVINCE, EffectScope.PROVINCE, "HĐSK tỉnh", "1/QĐ",
                LocalDate.parse("2026-01-02")), "board", NOW);
        assertEquals(List.of(RecognitionLevel.GRASSROOTS, RecognitionLevel.PROVINCE), initiative.recognitions().stream().map(r -> r.level).toList());
    }
}
