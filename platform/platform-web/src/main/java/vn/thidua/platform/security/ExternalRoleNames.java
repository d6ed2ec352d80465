package vn.thidua.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Translates an external identity provider's role names into ours, as {@link IdentityClaims#roleNames()}
 * configures; without that configuration tokens already carry our names and nothing changes. Runs
 * before {@link UnitBoundRoles}, which then sees our names.
 */
@ApplicationScoped
public class ExternalRoleNames implements SecurityIdentityAugmentor {
    private final Map<String, List<String>> ourRoleByTheirs;

    public ExternalRoleNames(IdentityClaims claims) {
        this.ourRoleByTheirs = claims.roleNames().entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(theirs -> Map.entry(theirs.strip(), e.getKey())))
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (ourRoleByTheirs.isEmpty() || identity.isAnonymous()) {
            return Uni.createFrom().item(identity);
        }
        Set<String> ours = identity.getRoles().stream()
                .flatMap(theirs -> ourRoleByTheirs.getOrDefault(theirs, List.of()).stream())
                .collect(Collectors.toSet());
        return Uni.createFrom().item(IdentityRoles.replaced(identity, ours));
    }
}
