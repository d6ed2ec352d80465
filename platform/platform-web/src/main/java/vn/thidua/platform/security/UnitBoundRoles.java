package vn.thidua.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
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
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(false);
        identity.getRoles().stream().filter(role -> !UNIT_BOUND.contains(role)).forEach(builder::addRole);
        return Uni.createFrom().item(builder.build());
    }

    private boolean hasUnit(SecurityIdentity identity) {
        return !(identity.getPrincipal() instanceof JsonWebToken) || claims.unitOf(identity.getPrincipal()).isPresent();
    }
}
