package vn.thidua.devstack.testing;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hostile tokens for a subject, its roles and (optionally) its unit: each is what an attacker
 * could send, and every service must refuse it. {@link #all} names them; the value {@code null}
 * stands for "no token at all".
 */
public final class AttackTokens {
    public static final String NO_TOKEN = "no token";

    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder URL_DECODER = Base64.getUrlDecoder();

    private AttackTokens() {
    }

    /** Every hostile token for that caller, by a name for test output; {@link #NO_TOKEN} maps to {@code null}. */
    public static Map<String, String> all(String subject, String unit, String... roles) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put(NO_TOKEN, null);
        tokens.put("alg none", algNone(subject, unit, roles));
        tokens.put("HS256 keyed with the public key's encoded bytes", hs256WithPublicKey(subject, unit, roles));
        tokens.put("HS256 keyed with the public key's PEM text", hs256WithPublicKeyPem(subject, unit, roles));
        tokens.put("RS256 with an altered signature", alteredSignature(subject, unit, roles));
        tokens.put("expired", expired(subject, unit, roles));
        tokens.put("not yet valid", notYetValid(subject, unit, roles));
        tokens.put("wrong issuer", wrongIssuer(subject, unit, roles));
        tokens.put("wrong audience", wrongAudience(subject, unit, roles));
        tokens.put("unknown kid, unknown key", unknownKey(subject, unit, roles));
        return tokens;
    }

    /** A genuine token, as the gateway would issue it; the hostile ones are built from it. */
    public static String valid(String subject, String unit, String... roles) {
        return withUnit(TestTokens.claims(subject, roles), unit).sign(TestTokens.privateKey());
    }

    /** Unsigned: header {@code {"alg":"none"}}, the genuine claims, an empty signature. */
    public static String algNone(String subject, String unit, String... roles) {
        return encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload(valid(subject, unit, roles)) + ".";
    }

    /** The algorithm-confusion attack: HS256 with the services' RSA public key (DER bytes) as the HMAC secret. */
    public static String hs256WithPublicKey(String subject, String unit, String... roles) {
        return hs256(valid(subject, unit, roles), publicKeyDer());
    }

    /** The same attack with the public key's PEM text as the secret, as the public key is usually published. */
    public static String hs256WithPublicKeyPem(String subject, String unit, String... roles) {
        return hs256(valid(subject, unit, roles), publicKeyPem().getBytes(StandardCharsets.US_ASCII));
    }

    /** A genuine RS256 token whose signature bytes were changed. */
    public static String alteredSignature(String subject, String unit, String... roles) {
        String[] parts = valid(subject, unit, roles).split("\\.");
        byte[] signature = URL_DECODER.decode(parts[2]);
        signature[signature.length / 2] ^= 0x5A;
        return parts[0] + "." + parts[1] + "." + URL.encodeToString(signature);
    }

    public static String expired(String subject, String unit, String... roles) {
        Instant past = Instant.now().minus(Duration.ofHours(1));
        return withUnit(TestTokens.claims(subject, roles), unit).issuedAt(past.minusSeconds(900)).expiresAt(past)
                .sign(TestTokens.privateKey());
    }

    /** Issued an hour from now and not to be used before then. */
    public static String notYetValid(String subject, String unit, String... roles) {
        Instant future = Instant.now().plus(Duration.ofHours(1));
        return withUnit(TestTokens.claims(subject, roles), unit).issuedAt(future).claim("nbf", future.getEpochSecond())
                .expiresAt(future.plus(Duration.ofMinutes(15))).sign(TestTokens.privateKey());
    }

    public static String wrongIssuer(String subject, String unit, String... roles) {
        return withUnit(TestTokens.claims(subject, roles), unit).issuer("someone-else").sign(TestTokens.privateKey());
    }

    public static String wrongAudience(String subject, String unit, String... roles) {
        return withUnit(TestTokens.claims(subject, roles), unit).audience("someone-else").sign(TestTokens.privateKey());
    }

    /** Signed by a fresh RSA key no service knows, its header naming a key id no service has. */
    public static String unknownKey(String subject, String unit, String... roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey stranger = generator.generateKeyPair().getPrivate();
            return withUnit(TestTokens.claims(subject, roles), unit).jws().keyId("attacker-key-1").sign(stranger);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A genuine, valid token for a role that needs a unit (unit-rep), but without the {@code unit} claim. */
    public static String withoutUnit(String subject, String... roles) {
        return valid(subject, null, roles);
    }

    private static JwtClaimsBuilder withUnit(JwtClaimsBuilder claims, String unit) {
        return unit == null ? claims : claims.claim("unit", unit);
    }

    private static String hs256(String genuine, byte[] secret) {
        String signingInput = encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." + payload(genuine);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + URL.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String payload(String token) {
        return token.split("\\.")[1];
    }

    private static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String publicKeyPem() {
        try {
            return Files.readString(SharedInfrastructure.get().keys().publicKeyPem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] publicKeyDer() {
        try {
            return KeyUtils.decodePublicKey(publicKeyPem()).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
