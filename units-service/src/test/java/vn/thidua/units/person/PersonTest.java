package vn.thidua.units.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;

/** A person's rules of belonging, without Quarkus: one unit at a time, periods that never overlap, results only for a year in the unit. */
class PersonTest {
    static final Instant NOW = Instant.parse("2026-01-05T02:00:00Z");
    static final String A = "000.00.32.H56";
    static final String B = "000.00.33.H56";

    static Person person(String unit, String joinedOn) {
        Person person = Person.register(new PersonDetails("Lê Thị An", Gender.FEMALE, 1980, "NV01", "Chuyên viên"), "rep", NOW);
        person.join(unit, "NV01", "Chuyên viên", LocalDate.parse(joinedOn), "rep", NOW);
        return person;
    }

    static void assertRefused(String type, Runnable action) {
        Refusal refusal = assertThrows(Refusal.class, action::run);
        assertEquals(type, refusal.type());
    }

    @Test
    void aPersonBelongsToOneUnitAtATime() {
        Person person = person(A, "2015-01-01");
        assertRefused("person-in-another-unit", () -> person.join(B, null, null, LocalDate.parse("2024-01-01"), "rep", NOW));
        assertRefused("person-already-member", () -> person.join(A, null, null, LocalDate.parse("2024-01-01"), "rep", NOW));
        assertEquals(1, person.memberships().size());
    }

    @Test
    void aMoveClosesTheOldPeriodTheDayBeforeAndKeepsIt() {
        Person person = person(A, "2015-01-01");
        person.moveTo(A, B, LocalDate.parse("2025-07-01"), "M7", "Phó phòng", "board", NOW);
        assertEquals(2, person.memberships().size());
        PersonMembership old = person.memberships().get(0);
        assertEquals(LocalDate.parse("2025-06-30"), old.leftOn);
        assertEquals(LeaveReason.MOVED, old.leaveReason);
        assertTrue(person.isMemberOf(B));
        assertTrue(person.wasMemberDuring(A, 2025));
        assertTrue(person.wasMemberDuring(B, 2025));
        assertFalse(person.wasMemberDuring(B, 2024));
        assertRefused("move-to-same-unit", () -> person.moveTo(B, B, LocalDate.parse("2026-01-01"), null, null, "board", NOW));
    }

    @Test
    void rejoiningCannotReachBackIntoAnEarlierPeriod() {
        Person person = person(A, "2015-01-01");
        person.leave(A, LocalDate.parse("2020-12-31"), LeaveReason.LEFT, "rep", NOW);
        assertRefused("membership-overlap", () -> person.join(B, null, null, LocalDate.parse("2020-12-31"), "rep", NOW));
        person.join(B, null, null, LocalDate.parse("2021-01-01"), "rep", NOW);
        assertEquals(PersonStatus.ACTIVE, person.status());
        assertRefused("left-before-joined", () -> person.leave(B, LocalDate.parse("2020-06-01"), LeaveReason.LEFT, "rep", NOW));
    }

    @Test
    void aResultOnlyForAYearSpentInTheUnit() {
        Person person = person(A, "2015-01-01");
        person.leave(A, LocalDate.parse("2023-06-30"), LeaveReason.RETIRED, "rep", NOW);
        person.requireResultAllowed(A, 2023, 2026);
        assertRefused("person-left", () -> person.requireResultAllowed(A, 2024, 2026));
        assertRefused("person-not-member-in-year", () -> person.requireResultAllowed(A, 2014, 2026));
        assertRefused("person-not-member-in-year", () -> person.requireResultAllowed(B, 2020, 2026));
        Person current = person(B, "2020-01-01");
        assertRefused("year-not-begun", () -> current.requireResultAllowed(B, 2027, 2026));
    }

    @Test
    void aChangeSaysWhetherAnythingChanged() {
        Person person = person(A, "2015-01-01");
        assertFalse(person.change(A, new PersonDetails("Lê Thị An", Gender.FEMALE, 1980, "NV01", "Chuyên viên"), "rep", NOW));
        assertTrue(person.change(A, new PersonDetails("Lê Thị An", Gender.FEMALE, 1980, "NV01", "Trưởng phòng"), "rep", NOW));
        assertEquals("Trưởng phòng", person.current().orElseThrow().position);
        assertRefused("person-not-current-member", () -> person.change(B, new PersonDetails("X", Gender.MALE, null, null, null), "rep", NOW));
    }

    @Test
    void inputIsCheckedAlikeFromTheApiAndFromAFile() {
        assertEquals(Gender.FEMALE, PersonDetails.gender("Nữ"));
        assertEquals(Gender.MALE, PersonDetails.gender("nam"));
        assertRefused("invalid-field", () -> PersonDetails.gender("X"));
        assertRefused("invalid-field", () -> PersonDetails.parse("An", "F", "19x5", null, null, 2026));
        assertRefused("invalid-field", () -> PersonDetails.parse("An", "F", "1899", null, null, 2026));
        assertRefused("invalid-field", () -> PersonDetails.parse("An", "F", "2027", null, null, 2026));
        assertRefused("invalid-field", () -> PersonDetails.parse("An", "F", null, "A B", null, 2026));
        assertEquals(1985, PersonDetails.parse("An", "F", "1985", "NV-1/2", null, 2026).birthYear());
        assertRefused("title-without-completed-tasks",
                () -> YearResult.parse("NOT_COMPLETED", List.of("LAO_DONG_TIEN_TIEN"), null, null, null));
        assertRefused("invalid-field", () -> YearResult.parse("GOOD", List.of("CHIEN_SI_THI_DUA_TOAN_QUOC"), null, null, null));
        YearResult result = YearResult.parse("excellent", List.of("chien-si-thi-dua-co-so", "LAO_DONG_TIEN_TIEN", "LAO_DONG_TIEN_TIEN"), "", null, null);
        assertEquals(List.of(UnitLevelTitle.LAO_DONG_TIEN_TIEN, UnitLevelTitle.CHIEN_SI_THI_DUA_CO_SO), result.titles());
        assertEquals(Discipline.NONE, result.discipline());
    }
}
