package vn.thidua.scoring.sheet;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of evidence file taken, recognised by their first bytes, not by what the client claims. */
enum EvidenceType {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});

    final String mediaType;
    private final byte[] magic;

    EvidenceType(String mediaType, byte[] magic) {
        this.mediaType = mediaType;
        this.magic = magic;
    }

    /** The type the content really is, if it is one we take and matches what the client declared. */
    static Optional<EvidenceType> of(byte[] content, String declared) {
        return Arrays.stream(values())
                .filter(type -> declared != null && declared.toLowerCase(java.util.Locale.ROOT).startsWith(type.mediaType))
                .filter(type -> content.length >= type.magic.length
                        && Arrays.equals(Arrays.copyOf(content, type.magic.length), type.magic))
                .findFirst();
    }
}
