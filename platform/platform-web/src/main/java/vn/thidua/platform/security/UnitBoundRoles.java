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
 * claim. A token that gives such a role without a unit (a misconfigured identity provider, or a
 * forged token) is not trusted with the role at all: the role is dropped here, in every service, so
 * every endpoint that needs it answers 403 instead of guessing what the caller may see.
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
        if (identity.isAnonymous() || identity.getRoles().stream().noneMatch(UNIT_BOUND::contains) || hasUnit(identity)) {
            return Uni.createFrom().item(identity);
        }
        Set<String> kept = identity.getRoles().stream().filter(role -> !UNIT_BOUND.contains(role)).collect(Collectors.toSet());
        return Uni.createFrom().item(IdentityRoles.replaced(identity, kept));
    }

    private boolean hasUnit(SecurityIdentity identity) {
        return !(identity.getPrincipal() instanceof JsonWebToken) || claims.unitOf(identity.getPrincipal()).isPresent();
    }
}
