package vn.thidua.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** The {@link Caller} of the current request, read from the identity Quarkus verified. */
@ApplicationScoped
public class Callers {
    private final SecurityIdentity identity;
    private final IdentityClaims claims;

    public Callers(SecurityIdentity identity, IdentityClaims claims) {
        this.identity = identity;
        this.claims = claims;
    }

    public Caller current() {
        Optional<String> unit = identity.isAnonymous() ? Optional.empty() : claims.unitOf(identity.getPrincipal());
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        Optional<String> member = identity.isAnonymous() ? Optional.empty() : claims.memberOf(identity.getPrincipal());
        return new Caller(subject, identity.getRoles(), unit, member);
    }
}
