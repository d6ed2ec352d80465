package vn.thidua.platform.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A document as uploaded: checked to be a PDF by its first bytes ({@code %PDF-}), not by what the
 * client claims, no larger than the limit, and fingerprinted with SHA-256. The problems name the
 * document: types {@code <type>-not-pdf} (422) and {@code <type>-document-too-large} (413), texts
 * {@code <texts>.not-pdf} and {@code <texts>.document-too-large} (size and limit as arguments)
 * from the service's own messages.
 */
public record PdfDocument(byte[] content, String sha256, long size) {
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);

    public static PdfDocument of(byte[] content, long maxBytes, String type, String texts) {
        long size = content == null ? 0 : content.length;
        if (size > maxBytes) {
            throw new ProblemException(413, type + "-document-too-large", texts + ".document-too-large", String.valueOf(size),
                    String.valueOf(maxBytes));
        }
        if (content == null || content.length < MAGIC.length
                || !Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw ProblemException.unprocessable(type + "-not-pdf", texts + ".not-pdf");
        }
        return new PdfDocument(content, sha256(content), size);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
