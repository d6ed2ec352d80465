package vn.thidua.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import java.util.Set;

/** The same verified caller with other roles: what the augmentors here hand on. */
final class IdentityRoles {

    private IdentityRoles() {
    }

    static SecurityIdentity replaced(SecurityIdentity identity, Set<String> roles) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addPermissionChecker(identity::checkPermission)
                .setAnonymous(false);
        roles.forEach(builder::addRole);
        return builder.build();
    }
}
