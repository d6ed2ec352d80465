package vn.thidua.awards.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StreakTest {

    @Test
    void heldWhenEveryYearOfTheWindowIsHeld() {
        Streak streak = Streak.of(Set.of(2012, 2014, 2015, 2016), 3, 2016);
        assertTrue(streak.held());
        assertEquals(2014, streak.from());
        assertEquals(List.of(2014, 2015, 2016), streak.yearsHeld());
        assertEquals(List.of(), streak.missing());
    }

    @Test
    void aGapIsNamedAndYearsOutsideTheWindowDoNotCount() {
        Streak streak = Streak.of(Set.of(2012, 2013, 2015, 2017), 4, 2016);
        assertFalse(streak.held());
        assertEquals(List.of(2013, 2015), streak.yearsHeld());
        assertEquals(List.of(2014, 2016), streak.missing());
        assertEquals(List.of(2016), Streak.of(Set.of(), 1, 2016).missing());
    }

    @Test
    void theWindowIsOneToFiftyYears() {
        assertThrows(IllegalArgumentException.class, () -> Streak.of(Set.of(), 0, 2016));
        assertThrows(IllegalArgumentException.class, () -> Streak.of(Set.of(), 51, 2016));
        assertEquals(50, Streak.of(Set.of(), 50, 2016).missing().size());
    }
}
