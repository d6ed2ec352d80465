package vn.thidua.platform.web;

import java.text.Normalizer;

/**
 * A file name as a client sent it (in {@code X-File-Name}), reduced to a base name that is safe to
 * store, show and send on (to the portal, in {@code Content-Disposition}): Unicode NFC, whatever
 * precedes the last {@code /} or {@code \} dropped (so {@code ../../../../p2.pdf} is {@code p2.pdf}),
 * control characters, text-direction controls and other invisible format characters removed,
 * leading dots and spaces removed (no hidden files, no {@code ..}), white space folded, and at most
 * {@link #MAX_LENGTH} characters, the extension kept. Vietnamese letters stay as they are.
 */
public final class FileNames {
    public static final int MAX_LENGTH = 255;

    private FileNames() {
    }

    /**
     * A name from a request header: first held to the policy of every text typed into the system
     * ({@link Text#clean}: no control or direction characters, markup or SQL fragments, at most
     * {@link #MAX_LENGTH} characters; 400 otherwise), then reduced to its {@linkplain #safe safe base name}.
     */
    public static String uploaded(String raw, String field, String fallback) {
        String cleaned = Text.clean(raw, MAX_LENGTH, field, false);
        return safe(cleaned, fallback);
    }

    /** The safe base name, or {@code fallback} when nothing usable is left. */
    public static String safe(String raw, String fallback) {
        if (raw == null) {
            return fallback;
        }
        String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        name = name.substring(slash + 1);
        StringBuilder kept = new StringBuilder(name.length());
        name.codePoints().filter(FileNames::allowed).forEach(c -> kept.appendCodePoint(Character.isSpaceChar(c) ? ' ' : c));
        String cleaned = kept.toString().replaceAll(" +", " ").strip();
        int start = 0;
        while (start < cleaned.length() && (cleaned.charAt(start) == '.' || cleaned.charAt(start) == ' ')) {
            start++;
        }
        cleaned = cleaned.substring(start).strip();
        if (cleaned.isEmpty()) {
            return fallback;
        }
        return shorten(cleaned);
    }

    /** No control character (tab and line breaks included), no invisible format or tag character, nothing unassigned. */
    private static boolean allowed(int c) {
        int type = Character.getType(c);
        return !Character.isISOControl(c) && type != Character.FORMAT && type != Character.SURROGATE
                && type != Character.PRIVATE_USE && type != Character.UNASSIGNED && type != Character.LINE_SEPARATOR
                && type != Character.PARAGRAPH_SEPARATOR;
    }

    /** At most MAX_LENGTH code points, cutting the stem rather than the extension. */
    private static String shorten(String name) {
        if (name.codePointCount(0, name.length()) <= MAX_LENGTH) {
            return name;
        }
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
        String stem = extension.isEmpty() ? name : name.substring(0, dot);
        int keep = MAX_LENGTH - extension.codePointCount(0, extension.length());
        return stem.substring(0, stem.offsetByCodePoints(0, keep)).strip() + extension;
    }
}
