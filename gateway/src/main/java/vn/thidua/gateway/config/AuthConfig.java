package vn.thidua.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "thidua.auth")
public interface AuthConfig {

    /** Who issues the tokens every service trusts. */
    enum IdentityProvider {
        /** The gateway itself, from its own accounts ({@code /auth/token}, {@code /auth/jwks}). */
        BUILT_IN,
        /**
         * The province's single sign-on: the gateway and the services trust its issuer and JWKS
         * ({@code mp.jwt.verify.*}); the gateway issues no tokens.
         */
        EXTERNAL
    }

    @WithDefault("built-in")
    IdentityProvider identityProvider();

    default boolean builtIn() {
        return identityProvider() == IdentityProvider.BUILT_IN;
    }

    /** PKCS#8 PEM private key ({@code file:}, {@code classpath:} or a path); from a Secret in production. */
    String signingKeyLocation();

    /** The matching public key as PEM; published at {@code /auth/jwks}. */
    String publicKeyLocation();

    /**
     * The public key of a rotation's new pair, published and trusted (phase 1) before any replica
     * signs with it (phase 2), so that a replica not yet rolled accepts the tokens of one that has;
     * empty outside a rotation.
     */
    Optional<String> nextPublicKeyLocation();

    /**
     * The public key signed with before the last rotation, still published so that the tokens it
     * signed stay valid until they expire; empty once they have (after one access-token lifetime).
     */
    Optional<String> previousPublicKeyLocation();

    /** {@code iss} of issued tokens; the services verify it ({@code mp.jwt.verify.issuer}). */
    @WithDefault("thidua-gateway")
    String issuer();

    /** {@code aud} of issued tokens; the services verify it ({@code mp.jwt.verify.audiences}). */
    @WithDefault("thidua")
    String audience();

    @WithDefault("15m")
    Duration accessTokenTtl();

    /** How long a refresh token stays usable unused: a client idle longer logs in again. */
    @WithDefault("12h")
    Duration refreshTokenTtl();

    /** How long a login lasts at most, however often its tokens are refreshed. */
    @WithDefault("7d")
    Duration refreshSessionTtl();
}
