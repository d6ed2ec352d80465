package vn.thidua.units.person;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** Who reads a unit's people, and whose reads are written down. */
class PersonAccessTest {
    static final String UNIT = "000.00.32.H56";
    static final String OTHER = "000.00.33.H56";

    static Caller caller(String unit, String... roles) {
        return new Caller("someone", Set.of(roles), Optional.ofNullable(unit));
    }

    @Test
    void theUnitTheBoardAndTheCouncilReadAllAndTheClusterLeaderLess() {
        assertEquals(PersonAccess.View.FULL, PersonAccess.viewOf(caller(UNIT, "unit-rep"), UNIT, () -> false));
        assertEquals(PersonAccess.View.FULL, PersonAccess.viewOf(caller(null, "board"), UNIT, () -> false));
        assertEquals(PersonAccess.View.FULL, PersonAccess.viewOf(new Caller("hd", Set.of("council-member"), Optional.empty(), Optional.of("3")),
                UNIT, () -> false));
        assertEquals(PersonAccess.View.CLUSTER, PersonAccess.viewOf(caller(OTHER, "cluster-leader", "unit-rep"), UNIT, () -> true));
    }

    @Test
    void nobodyElseReadsAnything() {
        assertThrows(Refusal.class, () -> PersonAccess.viewOf(caller(OTHER, "unit-rep"), UNIT, () -> true));
        assertThrows(Refusal.class, () -> PersonAccess.viewOf(caller(OTHER, "cluster-leader", "unit-rep"), UNIT, () -> false));
        assertThrows(Refusal.class, () -> PersonAccess.viewOf(caller(UNIT, "viewer"), UNIT, () -> true));
        assertThrows(Refusal.class, () -> PersonAccess.viewOf(caller(UNIT, "portal"), UNIT, () -> true));
        // a council-member role without a member claim is nobody's member
        assertThrows(Refusal.class, () -> PersonAccess.viewOf(caller(null, "council-member"), UNIT, () -> false));
    }

    @Test
    void readsByAnyoneButTheUnitAreWrittenDownAndOnlyTheUnitAndTheBoardChange() {
        assertFalse(PersonAccess.audited(caller(UNIT, "unit-rep"), UNIT));
        assertTrue(PersonAccess.audited(caller(null, "board"), UNIT));
        assertTrue(PersonAccess.audited(caller(OTHER, "cluster-leader", "unit-rep"), UNIT));
        PersonAccess.requireChange(caller(UNIT, "unit-rep"), UNIT);
        PersonAccess.requireChange(caller(null, "admin"), UNIT);
        assertThrows(Refusal.class, () -> PersonAccess.requireChange(caller(OTHER, "unit-rep"), UNIT));
        assertThrows(Refusal.class, () -> PersonAccess.requireChange(new Caller("hd", Set.of("council-member"), Optional.empty(), Optional.of("3")), UNIT));
    }
}
