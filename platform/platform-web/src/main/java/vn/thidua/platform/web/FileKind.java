package vn.thidua.platform.web;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The kinds of uploaded file this system takes, told by their first bytes, never by what the client claims. */
public enum FileKind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    /** How many first bytes {@link #detect} needs. */
    public static final int HEAD = 8;

    private final String mediaType;
    private final byte[] magic;

    FileKind(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The kind the content's first bytes show, if any. */
    public static Optional<FileKind> detect(byte[] head) {
        return Arrays.stream(values())
                .filter(kind -> head.length >= kind.magic.length && Arrays.equals(head, 0, kind.magic.length, kind.magic, 0, kind.magic.length))
                .findFirst();
    }

    /** The kind a declared Content-Type names ({@code image/png; charset=...} names PNG), if any. */
    public static Optional<FileKind> declared(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        String mediaType = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.mediaType.equals(mediaType)).findFirst();
    }

    /** The kind the content is, when it is the one declared; empty when it is another, or none we take. */
    public static Optional<FileKind> matching(byte[] head, String contentType) {
        Optional<FileKind> declared = declared(contentType);
        return declared.isPresent() && declared.equals(detect(head)) ? declared : Optional.empty();
    }
}
