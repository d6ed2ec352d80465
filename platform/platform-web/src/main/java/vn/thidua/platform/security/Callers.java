package vn.thidua.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The {@link Caller} of the current request, read from the identity Quarkus verified. */
@ApplicationScoped
public class Callers {
    private final SecurityIdentity identity;

    public Callers(SecurityIdentity identity) {
        this.identity = identity;
    }

    public Caller current() {
        Optional<String> unit = Optional.empty();
        if (identity.getPrincipal() instanceof JsonWebToken token) {
            Object claim = token.getClaim(Roles.UNIT_CLAIM);
            if (claim != null) {
                unit = Optional.of(claim.toString().replace("\"", ""));
            }
        }
        String subject = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        return new Caller(subject, identity.getRoles(), unit);
    }
}
