package vn.thidua.awards.portal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
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
        Mac mac = start(epochSeconds);
        return "v1=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    /**
     * Signs a body while it is written: every byte written through the returned stream goes on to
     * {@code out} and into the HMAC; {@link Signing#value()} gives the signature once it is all written.
     * The same bytes give the same value as {@link #sign}.
     */
    Signing signing(long epochSeconds, OutputStream out) {
        return new Signing(start(epochSeconds), out);
    }

    private Mac start(long epochSeconds) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(Long.toString(epochSeconds).getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) '.');
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JDK", e);
        }
    }

    /** A stream that signs what passes through it. */
    static final class Signing extends FilterOutputStream {
        private final Mac mac;

        private Signing(Mac mac, OutputStream out) {
            super(out);
            this.mac = mac;
        }

        @Override
        public void write(int b) throws IOException {
            mac.update((byte) b);
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            mac.update(b, off, len);
            out.write(b, off, len);
        }

        /** The {@code Thidua-Signature} value of everything written so far (call once, at the end). */
        String value() {
            return "v1=" + HexFormat.of().formatHex(mac.doFinal());
        }
    }
}
