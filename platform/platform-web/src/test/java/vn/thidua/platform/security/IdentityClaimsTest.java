package vn.thidua.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class IdentityClaimsTest {

    @Test
    void ourOwnTokensNameTheUnitInAPlainClaim() {
        assertEquals(Optional.of("000.00.31.H56"), claims("unit").unitOf(token(Map.of("unit", "000.00.31.H56"))));
        // SmallRye hands string claims over as JSON strings when read through the raw claim
        assertEquals(Optional.of("000.00.31.H56"), claims("unit").unitOf(token(Map.of("unit", Json.createValue(" 000.00.31.H56 ")))));
    }

    @Test
    void aProvidersNestedAttributeListWithOneUnitIsRead() {
        JsonValue attributes = Json.createObjectBuilder().add("ma_don_vi", Json.createArrayBuilder().add("000.00.71.H56")).build();
        assertEquals(Optional.of("000.00.71.H56"), claims("attributes/ma_don_vi").unitOf(token(Map.of("attributes", attributes))));
    }

    @Test
    void noBlankSeveralOrNonTextUnitsAreTrusted() {
        JsonValue two = Json.createObjectBuilder().add("ma_don_vi", Json.createArrayBuilder().add("A").add("B")).build();
        assertEquals(Optional.empty(), claims("attributes/ma_don_vi").unitOf(token(Map.of("attributes", two))));
        assertEquals(Optional.empty(), claims("unit").unitOf(token(Map.of("unit", "  "))));
        assertEquals(Optional.empty(), claims("unit").unitOf(token(Map.of("unit", Json.createValue(42)))));
        assertEquals(Optional.empty(), claims("unit").unitOf(token(Map.of())));
        assertEquals(Optional.empty(), claims("attributes/ma_don_vi").unitOf(token(Map.of("attributes", "flat"))));
        Principal notAToken = () -> "someone";
        assertEquals(Optional.empty(), claims("unit").unitOf(notAToken));
    }

    @Test
    void aCouncilMemberIsNamedByItsOwnClaimAndOnlyCountsWithTheRole() {
        JsonWebToken token = token(Map.of("member", "7", "unit", "000.00.31.H56"));
        assertEquals(Optional.of("7"), claims("unit").memberOf(token));
        assertEquals(Optional.empty(), claims("unit").memberOf(token(Map.of("unit", "000.00.31.H56"))));
        Caller viewer = new Caller("v", Set.of(Roles.VIEWER), Optional.of("000.00.31.H56"), Optional.of("7"));
        assertEquals(Optional.empty(), viewer.councilMember());
        Caller member = new Caller("m", Set.of(Roles.COUNCIL_MEMBER), Optional.empty(), Optional.of("7"));
        assertEquals(Optional.of("7"), member.councilMember());
        assertEquals(Optional.empty(), member.actingUnit());
    }

    private static IdentityClaims claims(String unitClaim) {
        return new IdentityClaims() {
            @Override
            public String unitClaim() {
                return unitClaim;
            }

            @Override
            public String memberClaim() {
                return "member";
            }

            @Override
            public Map<String, List<String>> roleNames() {
                return Map.of();
            }
        };
    }

    private static JsonWebToken token(Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return "someone";
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }
}
