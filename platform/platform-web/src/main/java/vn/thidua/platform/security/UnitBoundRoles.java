package vn.thidua.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A unit representative or cluster leader acts for a unit, named by the token's {@code unit}
 * claim; a Council member is one member, named by the {@code member} claim. A token that gives such a
 * role without its claim (a misconfigured identity provider, or a forged token) is not trusted with
 * the role at all: the role is dropped here, in every service, so every endpoint that needs it
 * answers 403 instead of guessing what the caller may see.
 */
@ApplicationScoped
public class UnitBoundRoles implements SecurityIdentityAugmentor {
    static final Set<String> UNIT_BOUND = Set.of(Roles.UNIT_REP, Roles.CLUSTER_LEADER);

    private final IdentityClaims claims;

    public UnitBoundRoles(IdentityClaims claims) {
        this.claims = claims;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        boolean dropUnitBound = identity.getRoles().stream().anyMatch(UNIT_BOUND::contains) && !hasUnit(identity);
        boolean dropMember = identity.getRoles().contains(Roles.COUNCIL_MEMBER) && !hasMember(identity);
        if (!dropUnitBound && !dropMember) {
            return Uni.createFrom().item(identity);
        }
        Set<String> kept = identity.getRoles().stream()
                .filter(role -> !(dropUnitBound && UNIT_BOUND.contains(role)) && !(dropMember && Roles.COUNCIL_MEMBER.equals(role)))
                .collect(Collectors.toSet());
        return Uni.createFrom().item(IdentityRoles.replaced(identity, kept));
    }

    private boolean hasUnit(SecurityIdentity identity) {
        return !(identity.getPrincipal() instanceof JsonWebToken) || claims.unitOf(identity.getPrincipal()).isPresent();
    }

    private boolean hasMember(SecurityIdentity identity) {
        return !(identity.getPrincipal() instanceof JsonWebToken) || claims.memberOf(identity.getPrincipal()).isPresent();
    }
}
