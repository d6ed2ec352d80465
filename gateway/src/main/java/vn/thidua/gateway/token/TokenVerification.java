package vn.thidua.gateway.token;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.config.JWTAuthContextInfoProvider;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import vn.thidua.gateway.config.AuthConfig;

/**
 * How the gateway verifies the tokens it is shown. With its own identity provider it verifies
 * against its own key set, current and previous key, by {@code kid} (the services fetch the same set
 * from {@code /auth/jwks}); with an external one it trusts that provider exactly as the services do,
 * through {@code mp.jwt.verify.*}.
 */
@ApplicationScoped
public class TokenVerification {
    private static final Logger LOG = Logger.getLogger(TokenVerification.class);

    /** Loads the keys at start-up where they are needed, so a bad key fails the start, not the first login. */
    void loadKeys(@Observes StartupEvent started, AuthConfig config, SigningKeys keys) {
        if (config.builtIn()) {
            LOG.infof("Issuing tokens as %s, signing with key %s", config.issuer(), keys.keyId());
        } else {
            LOG.infof("Tokens come from an external identity provider; the gateway issues none");
        }
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    JWTAuthContextInfo verification(JWTAuthContextInfoProvider configured, AuthConfig config, SigningKeys keys) {
        JWTAuthContextInfo info = new JWTAuthContextInfo(configured.getContextInfo());
        if (config.builtIn()) {
            info.setPublicKeyLocation(null);
            info.setPublicVerificationKey(null);
            info.setPublicKeyContent(keys.jwksJson());
            info.setIssuedBy(config.issuer());
        }
        return info;
    }
}
