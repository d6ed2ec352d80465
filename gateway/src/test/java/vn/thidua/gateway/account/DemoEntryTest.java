package vn.thidua.gateway.account;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoEntryTest {

    @Test
    void parsesAUserWithoutAUnit() {
        DemoEntry entry = DemoEntry.user("admin:admin:");
        assertEquals(new DemoEntry("admin", AccountKind.USER, Set.of("admin"), null), entry);
    }

    @Test
    void parsesACouncilMemberWithItsMemberId() {
        DemoEntry member = DemoEntry.user("hoidong1:council-member::m-01");
        assertEquals(new DemoEntry("hoidong1", AccountKind.USER, Set.of("council-member"), null, "m-01"), member);
        assertEquals("m-01", member.toNewAccount().member());
        assertNull(DemoEntry.user("mttq:unit-rep:000.00.31.H56:").member());
        assertEquals("member-required", assertThrows(Refusal.class,
                () -> DemoEntry.user("hoidong2:council-member:").toNewAccount()).type());
        assertThrows(IllegalArgumentException.class, () -> DemoEntry.user("a:council-member::m-01:extra"));
    }

    @Test
    void parsesAUnitRepresentativeAndSeveralRoles() {
        DemoEntry rep = DemoEntry.user("mttq:unit-rep:000.00.31.H56");
        assertEquals("mttq", rep.login());
        assertEquals(Set.of("unit-rep"), rep.roles());
        assertEquals("000.00.31.H56", rep.unit());

        DemoEntry leader = DemoEntry.user(" leader : cluster-leader+viewer : ");
        assertEquals("leader", leader.login());
        assertEquals(Set.of("cluster-leader", "viewer"), leader.roles());
        assertNull(leader.unit());
        assertEquals(Set.of("board"), DemoEntry.user("board:board").roles(), "the trailing unit may be left out");
    }

    @Test
    void parsesAServiceAccount() {
        DemoEntry client = DemoEntry.client("portal-demo:portal");
        assertEquals(new DemoEntry("portal-demo", AccountKind.SERVICE, Set.of("portal"), null), client);
    }

    @Test
    void refusesMalformedEntries() {
        assertThrows(IllegalArgumentException.class, () -> DemoEntry.user("admin"));
        assertThrows(IllegalArgumentException.class, () -> DemoEntry.user(":admin:"));
        assertThrows(IllegalArgumentException.class, () -> DemoEntry.user("admin::"));
        assertThrows(IllegalArgumentException.class, () -> DemoEntry.user("a:b:c:d:e"));
        assertThrows(IllegalArgumentException.class, () -> DemoEntry.client("portal-demo:portal:extra"));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> DemoEntry.client("portal-demo"));
        assertTrue(error.getMessage().contains("portal-demo"), "the message names the bad entry");
    }

    @Test
    void becomesAnAccountCheckedLikeAnyOther() {
        NewAccount rep = DemoEntry.user("MTTQ:unit-rep:000.00.31.h56").toNewAccount();
        assertEquals("mttq", rep.login());
        assertEquals("000.00.31.H56", rep.unit());

        Refusal noUnit = assertThrows(Refusal.class, () -> DemoEntry.user("rep:unit-rep:").toNewAccount());
        assertEquals("unit-required", noUnit.type());
        Refusal unknownRole = assertThrows(Refusal.class, () -> DemoEntry.user("x1:superuser:").toNewAccount());
        assertEquals("invalid-roles", unknownRole.type());
    }
}
