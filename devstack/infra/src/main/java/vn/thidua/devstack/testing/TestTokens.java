package vn.thidua.devstack.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/** Tokens for tests, signed with the test JVM's key and shaped like the gateway's. */
public final class TestTokens {
    public static final String ISSUER = "thidua-gateway";
    public static final String AUDIENCE = "thidua";

    private TestTokens() {
    }

    public static String user(String subject, String... roles) {
        return claims(subject, roles).sign(privateKey());
    }

    public static String unitRep(String subject, String unitCode) {
        return claims(subject, "unit-rep").claim("unit", unitCode).sign(privateKey());
    }

    public static String expired(String subject, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return claims(subject, roles).issuedAt(past.minusSeconds(60)).expiresAt(past).sign(privateKey());
    }

    public static String wrongIssuer(String subject, String... roles) {
        return claims(subject, roles).issuer("someone-else").sign(privateKey());
    }

    public static JwtClaimsBuilder claims(String subject, String... roles) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofMinutes(15));
    }

    public static PrivateKey privateKey() {
        try {
            String pem = Files.readString(SharedInfrastructure.get().keys().privateKeyPem(), StandardCharsets.US_ASCII);
            return KeyUtils.decodePrivateKey(pem);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
