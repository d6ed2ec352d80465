package vn.thidua.gateway.token;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import vn.thidua.gateway.account.AccountIdentity;
import vn.thidua.gateway.account.NewAccount;
import vn.thidua.gateway.config.AuthConfig;
import vn.thidua.platform.security.Roles;

/** Signs access tokens in the shape every service verifies (architecture.md, "Security"). */
@ApplicationScoped
public class TokenIssuer {
    private final AuthConfig config;
    private final SigningKeys keys;
    private final Clock clock;

    public TokenIssuer(AuthConfig config, SigningKeys keys, Clock clock) {
        this.config = config;
        this.keys = keys;
        this.clock = clock;
    }

    public AccessToken issue(AccountIdentity identity) {
        Instant now = Instant.now(clock);
        long ttl = config.accessTokenTtl().toSeconds();
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer())
                .audience(config.audience())
                .subject(identity.subject())
                .groups(identity.roles())
                .issuedAt(now)
                .expiresAt(now.plusSeconds(ttl))
                .claim("jti", UUID.randomUUID().toString());
        if (identity.unit() != null && NewAccount.actsForAUnit(identity.roles())) {
            claims.claim(Roles.UNIT_CLAIM, identity.unit());
        }
        if (identity.member() != null && NewAccount.isCouncilMember(identity.roles())) {
            claims.claim(Roles.MEMBER_CLAIM, identity.member());
        }
        String token = claims.jws()
                .algorithm(SignatureAlgorithm.RS256)
                .keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, "Bearer", ttl, null);
    }
}
