package vn.thidua.gateway.token;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "thidua.auth")
public interface AuthConfig {

    /** PKCS#8 PEM private key ({@code file:}, {@code classpath:} or a path); from a Secret in production. */
    String signingKeyLocation();

    /** The matching public key as PEM; published at {@code /auth/jwks}. */
    String publicKeyLocation();

    /** {@code iss} of issued tokens; the services verify it ({@code mp.jwt.verify.issuer}). */
    @WithDefault("thidua-gateway")
    String issuer();

    /** {@code aud} of issued tokens; the services verify it ({@code mp.jwt.verify.audiences}). */
    @WithDefault("thidua")
    String audience();

    @WithDefault("15m")
    Duration accessTokenTtl();
}
