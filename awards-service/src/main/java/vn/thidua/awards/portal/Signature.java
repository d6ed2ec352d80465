package vn.thidua.awards.portal;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature over a delivery (docs/portal.md, "Signature"): HMAC-SHA256 keyed with the shared
 * secret's UTF-8 bytes, over the ASCII timestamp (seconds since the epoch), a dot, and the body's
 * exact bytes; sent as {@code Thidua-Signature: v1=<lowercase hex>} beside {@code Thidua-Timestamp}.
 * A fresh timestamp is signed on every attempt, so the portal can refuse old ones (replays).
 */
final class Signature {
    static final String TIMESTAMP_HEADER = "Thidua-Timestamp";
    static final String SIGNATURE_HEADER = "Thidua-Signature";
    static final int MIN_SECRET_LENGTH = 32;

    private final SecretKeySpec key;

    Signature(String secret) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("the portal's signing secret needs at least " + MIN_SECRET_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** The {@code Thidua-Signature} value for this timestamp and body. */
    String sign(long epochSeconds, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }
}
