package vn.thidua.gateway.token;

import io.smallrye.jwt.util.KeyUtils;
import io.smallrye.jwt.util.ResourceUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import vn.thidua.gateway.config.AuthConfig;

/**
 * The gateway's token signing key and its public half, and the public halves of the keys of a
 * rotation (docs/security.md): the next key, which every replica and service trusts before any
 * replica signs with it, and the previous key, signed with before the rotation. All are published
 * in the JWKS, so no replica refuses another's tokens while they roll, and tokens signed before a
 * rotation stay valid until they expire. With the built-in identity provider they are loaded at start-up
 * ({@link TokenVerification}), so that a missing, unreadable or mismatched key stops the gateway at
 * once instead of failing the first login.
 */
@ApplicationScoped
public class SigningKeys {
    private static final int MIN_RSA_BITS = 2048;

    private final PrivateKey privateKey;
    private final String keyId;
    private final Map<String, Object> jwks;
    private final String jwksJson;

    public SigningKeys(AuthConfig config) {
        PrivateKey signing = read("thidua.auth.signing-key-location", config.signingKeyLocation(), true);
        PublicKey verifying = read("thidua.auth.public-key-location", config.publicKeyLocation(), false);
        if (!(verifying instanceof RSAPublicKey rsa) || !(signing instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("The token keys must be an RSA key pair (RS256)");
        }
        if (!crt.getModulus().equals(rsa.getModulus()) || !crt.getPublicExponent().equals(rsa.getPublicExponent())) {
            throw new IllegalStateException("thidua.auth.public-key-location does not hold the public half of the signing key");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException("The token signing key has " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        RsaJsonWebKey current = publicJwk(rsa);
        this.keyId = current.getKeyId();
        List<RsaJsonWebKey> published = new ArrayList<>(List.of(current));
        // phase 1 of a rotation: the key every replica will sign with next, trusted before any does
        config.nextPublicKeyLocation().filter(location -> !location.isBlank()).ifPresent(location ->
                publishBeside(published, "thidua.auth.next-public-key-location", location));
        // phase 2 until phase 3: the key signed with before, trusted until the tokens it signed have expired
        config.previousPublicKeyLocation().filter(location -> !location.isBlank()).ifPresent(location ->
                publishBeside(published, "thidua.auth.previous-public-key-location", location));
        JsonWebKeySet set = new JsonWebKeySet(published.toArray(JsonWebKey[]::new));
        this.jwksJson = set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        this.jwks = Map.of("keys", published.stream().map(k -> k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
        this.privateKey = signing;
    }

    /** Adds a verification-only key to the set, once: the same key named twice (or the current one) is listed once. */
    private static void publishBeside(List<RsaJsonWebKey> published, String property, String location) {
        PublicKey key = read(property, location, false);
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException(property + " must hold an RSA public key");
        }
        if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new IllegalStateException(property + " holds a key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required");
        }
        RsaJsonWebKey jwk = publicJwk(rsa);
        if (published.stream().noneMatch(other -> other.getKeyId().equals(jwk.getKeyId()))) {
            published.add(jwk);
        }
    }

    private static RsaJsonWebKey publicJwk(RSAPublicKey key) {
        RsaJsonWebKey jwk = new RsaJsonWebKey(key);
        // RFC 7638 thumbprint: the same key always gets the same kid, on every replica
        jwk.setKeyId(jwk.calculateBase64urlEncodedThumbprint("SHA-256"));
        jwk.setUse("sig");
        jwk.setAlgorithm("RS256");
        return jwk;
    }

    private static <K> K read(String property, String location, boolean privateKey) {
        String pem;
        try {
            // file:, classpath: or http(s): like mp.jwt.verify.publickey.location, or a plain path
            pem = ResourceUtils.readResource(location);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + property + " (" + location + "): " + e, e);
        }
        if (pem == null || pem.isBlank()) {
            throw new IllegalStateException("No key found at " + property + " (" + location
                    + "); set THIDUA_JWT_SIGNING_KEY and THIDUA_JWT_PUBLIC_KEY to the PEM files");
        }
        try {
            @SuppressWarnings("unchecked")
            K key = (K) (privateKey ? KeyUtils.decodePrivateKey(pem) : KeyUtils.decodePublicKey(pem));
            return key;
        } catch (Exception e) {
            throw new IllegalStateException(property + " (" + location + ") is not a "
                    + (privateKey ? "PKCS#8 private" : "public") + " key in PEM format: " + e, e);
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JSON Web Key Set (RFC 7517) the services verify tokens with: current key first, then the next, then the previous one. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    /** The same set as JSON, for the gateway's own verification of the tokens it forwards. */
    public String jwksJson() {
        return jwksJson;
    }
}
