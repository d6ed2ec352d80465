package vn.thidua.gateway.account;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;

class NewAccountTest {

    @Test
    void aUnitRepresentativeWithoutAUnitIsRefused() {
        Refusal e = assertThrows(Refusal.class,
                () -> new NewAccount("rep-1", "Đại diện", AccountKind.USER, Set.of("unit-rep"), " "));
        assertEquals(Refusal.Nature.RULE, e.nature());
        assertEquals("unit-required", e.type());
    }

    @Test
    void onlyAUnitRepresentativeNamesAUnit() {
        Refusal e = assertThrows(Refusal.class,
                () -> new NewAccount("officer", "Cán bộ", AccountKind.USER, Set.of("board"), "000.00.31.H56"));
        assertEquals("unit-not-allowed", e.type());
    }

    @Test
    void aCouncilMemberNamesTheMemberItIsAndNobodyElseDoes() {
        NewAccount member = new NewAccount("hoidong-1", null, AccountKind.USER, Set.of("council-member"), null, " m-01 ");
        assertEquals("m-01", member.member());
        assertEquals("member-required", assertThrows(Refusal.class,
                () -> new NewAccount("hoidong-2", null, AccountKind.USER, Set.of("council-member"), null, " ")).type());
        for (String bad : new String[] {"m_01", "thành-viên", "a".repeat(41), "m 01", "m/01"}) {
            assertEquals("invalid-member", assertThrows(Refusal.class,
                    () -> new NewAccount("hoidong-3", null, AccountKind.USER, Set.of("council-member"), null, bad)).type(), bad);
        }
        assertEquals("a".repeat(40), new NewAccount("hoidong-4", null, AccountKind.USER, Set.of("council-member"), null, "a".repeat(40))
                .member());
        assertEquals("member-not-allowed", assertThrows(Refusal.class,
                () -> new NewAccount("officer", null, AccountKind.USER, Set.of("board"), null, "m-01")).type());
    }

    @Test
    void loginsAreNormalisedAndChecked() {
        NewAccount account = new NewAccount("  Nguyen.Van-A ", null, AccountKind.USER, Set.of("viewer"), null);
        assertEquals("nguyen.van-a", account.login());
        assertEquals("nguyen.van-a", account.displayName(), "the login stands in for a missing display name");
        assertEquals("invalid-login", assertThrows(Refusal.class,
                () -> new NewAccount("nguyễn", null, AccountKind.USER, Set.of("viewer"), null)).type());
        assertEquals("invalid-login", assertThrows(Refusal.class,
                () -> new NewAccount("a", null, AccountKind.USER, Set.of("viewer"), null)).type());
    }

    @Test
    void rolesMustBeKnownAndPresent() {
        assertEquals("invalid-roles", assertThrows(Refusal.class,
                () -> new NewAccount("svc", null, AccountKind.SERVICE, Set.of(), null)).type());
        assertEquals("invalid-roles", assertThrows(Refusal.class,
                () -> new NewAccount("svc", null, AccountKind.SERVICE, Set.of("root"), null)).type());
    }
}
