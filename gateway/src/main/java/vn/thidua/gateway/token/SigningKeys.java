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

/**
 * The gateway's token signing key and its public half, and the public half of the key it signed
 * with before the last rotation. Both are published in the JWKS, so tokens signed before a rotation
 * stay valid until they expire. With the built-in identity provider they are loaded at start-up
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
        config.previousPublicKeyLocation().filter(location -> !location.isBlank()).ifPresent(location -> {
            PublicKey previous = read("thidua.auth.previous-public-key-location", location, false);
            if (!(previous instanceof RSAPublicKey previousRsa)) {
                throw new IllegalStateException("thidua.auth.previous-public-key-location must hold an RSA public key");
            }
            RsaJsonWebKey previousJwk = publicJwk(previousRsa);
            if (!previousJwk.getKeyId().equals(keyId)) {
                published.add(previousJwk);
            }
        });
        JsonWebKeySet set = new JsonWebKeySet(published.toArray(JsonWebKey[]::new));
        this.jwksJson = set.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        this.jwks = Map.of("keys", published.stream().map(k -> k.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY)).toList());
        this.privateKey = signing;
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

    /** The JSON Web Key Set (RFC 7517) the services verify tokens with: current key first, then the previous one. */
    public Map<String, Object> jwks() {
        return jwks;
    }

    /** The same set as JSON, for the gateway's own verification of the tokens it forwards. */
    public String jwksJson() {
        return jwksJson;
    }
}
