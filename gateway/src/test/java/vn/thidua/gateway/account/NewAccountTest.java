package vn.thidua.gateway.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.ProblemException;

class NewAccountTest {

    @Test
    void aUnitRepresentativeWithoutAUnitIsRefused() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new NewAccount("rep-1", "Đại diện", AccountKind.USER, Set.of("unit-rep"), " "));
        assertEquals(422, e.status());
        assertEquals("unit-required", e.typeSlug());
    }

    @Test
    void onlyAUnitRepresentativeNamesAUnit() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new NewAccount("officer", "Cán bộ", AccountKind.USER, Set.of("board"), "000.00.31.H56"));
        assertEquals("unit-not-allowed", e.typeSlug());
    }

    @Test
    void aCouncilMemberNamesTheMemberItIsAndNobodyElseDoes() {
        NewAccount member = new NewAccount("hoidong-1", null, AccountKind.USER, Set.of("council-member"), null, " m-01 ");
        assertEquals("m-01", member.member());
        assertEquals("member-required", assertThrows(ProblemException.class,
                () -> new NewAccount("hoidong-2", null, AccountKind.USER, Set.of("council-member"), null, " ")).typeSlug());
        for (String bad : new String[] {"m_01", "thành-viên", "a".repeat(41), "m 01", "m/01"}) {
            assertEquals("invalid-member", assertThrows(ProblemException.class,
                    () -> new NewAccount("hoidong-3", null, AccountKind.USER, Set.of("council-member"), null, bad)).typeSlug(), bad);
        }
        assertEquals("a".repeat(40), new NewAccount("hoidong-4", null, AccountKind.USER, Set.of("council-member"), null, "a".repeat(40))
                .member());
        assertEquals("member-not-allowed", assertThrows(ProblemException.class,
                () -> new NewAccount("officer", null, AccountKind.USER, Set.of("board"), null, "m-01")).typeSlug());
    }

    @Test
    void loginsAreNormalisedAndChecked() {
        NewAccount account = new NewAccount("  Nguyen.Van-A ", null, AccountKind.USER, Set.of("viewer"), null);
        assertEquals("nguyen.van-a", account.login());
        assertEquals("nguyen.van-a", account.displayName(), "the login stands in for a missing display name");
        assertEquals("invalid-login", assertThrows(ProblemException.class,
                () -> new NewAccount("nguyễn", null, AccountKind.USER, Set.of("viewer"), null)).typeSlug());
        assertEquals("invalid-login", assertThrows(ProblemException.class,
                () -> new NewAccount("a", null, AccountKind.USER, Set.of("viewer"), null)).typeSlug());
    }

    @Test
    void rolesMustBeKnownAndPresent() {
        assertEquals("invalid-roles", assertThrows(ProblemException.class,
                () -> new NewAccount("svc", null, AccountKind.SERVICE, Set.of(), null)).typeSlug());
        assertEquals("invalid-roles", assertThrows(ProblemException.class,
                () -> new NewAccount("svc", null, AccountKind.SERVICE, Set.of("root"), null)).typeSlug());
    }
}
