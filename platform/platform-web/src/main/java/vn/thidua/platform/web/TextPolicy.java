package vn.thidua.platform.web;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * What a text value sent by a client may contain, checked once for every string of every JSON
 * body ({@link JsonInputPolicy}) before any service sees it. The services store names, titles,
 * reasons and legal grounds that end up on screens, in PDFs, spreadsheets and the Department of
 * Home Affairs portal, and none of them needs what is refused here, while letters of every script
 * (Vietnamese with all its diacritics), digits, spaces, new lines and ordinary punctuation,
 * apostrophes and semicolons included, pass unchanged apart from NFC.
 *
 * <p>Refused, in the order checked:
 * <ol>
 * <li>more than {@link #MAX_LENGTH} characters: no field of this system is nearly that long, and
 *     each service still applies its own, smaller limit;</li>
 * <li>broken Unicode: a surrogate without its pair (JSON can spell one as {@code "\ud800"});</li>
 * <li>hidden characters: control characters other than tab, line feed and carriage return (NUL,
 *     which PostgreSQL cannot store in text, among them), the bidirectional marks, embeddings,
 *     overrides and isolates (U+202E can make {@code exe.pdf} show as {@code fdp.exe}), and every
 *     other invisible format character (Unicode category Cf: the zero width space, word joiner,
 *     invisible operators, the byte order mark, the tag characters U+E0000–U+E007F that can carry a
 *     whole hidden text) except the three that ordinary text uses: the soft hyphen (pasted from word
 *     processors) and the zero width joiner and non-joiner (emoji sequences, some scripts); and the
 *     non-characters U+FFFE and U+FFFF. A name refuses those three as well ({@link #nameViolation});</li>
 * <li>stacked combining marks: after NFC, Vietnamese needs none (every letter with its tone mark is
 *     one precomposed character) and other scripts a few, so more than {@link #MAX_COMBINING_RUN}
 *     marks on one letter can only be there to spill over neighbouring lines on screen;</li>
 * <li>markup: {@code <} directly followed by a letter, {@code /}, {@code !} or {@code ?}, which
 *     starts an HTML or XML tag, comment or instruction (a lone {@code a < b} is fine);</li>
 * <li>SQL fragments: a comment ({@code --}, {@code /*}, {@code *}{@code /}), a statement after a
 *     semicolon ({@code ; DROP}, {@code ; DELETE}, ...), {@code UNION SELECT}, and a quoted tautology
 *     ({@code ' OR '1'='1}). The services never build SQL from text, so these are refused not to
 *     protect the database but because such a value can only be an attack or a probe, and
 *     other systems (the portal, exports) may be less careful.</li>
 * </ol>
 */
public final class TextPolicy {
    /** The longest text value any JSON body may carry, in characters (code points). */
    public static final int MAX_LENGTH = 10_000;
    /** The most combining marks allowed on one base character after NFC. */
    public static final int MAX_COMBINING_RUN = 3;

    private static final Pattern MARKUP = Pattern.compile("<[\\p{IsAlphabetic}/!?]");
    private static final Pattern SQL = Pattern.compile(
            "--|/\\*|\\*/"
                    + "|;\\s*(drop|delete|insert|update|select|alter|create|truncate|exec|execute|grant|revoke|shutdown)\\b"
                    + "|\\bunion\\s+(all\\s+)?select\\b"
                    + "|['\"`]\\s*(or|and)\\s+\\S+\\s*=",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private TextPolicy() {
    }

    /** Why a text is refused, each with its message key ({@code {0}} is the field, {@code {1}} a limit). */
    public enum Violation {
        TOO_LONG("problem.field.too-long"),
        BROKEN_UNICODE("problem.field.broken-unicode"),
        HIDDEN_CHARACTERS("problem.field.hidden-characters"),
        STACKED_MARKS("problem.field.stacked-marks"),
        MARKUP("problem.field.markup"),
        SQL("problem.field.sql");

        private final String messageKey;

        Violation(String messageKey) {
            this.messageKey = messageKey;
        }

        public String messageKey() {
            return messageKey;
        }
    }

    /** The text in NFC, the form in which it is checked and stored. */
    public static String normalize(String text) {
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The first rule a text (as sent) breaks, or {@code null} when it may be accepted (in its {@link #normalize normal form}). */
    public static Violation violation(String text) {
        // the length first and on the raw form, so a huge value costs no more than this count
        if (text.length() > MAX_LENGTH && text.codePointCount(0, text.length()) > MAX_LENGTH) {
            return Violation.TOO_LONG;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (isHidden(Character.toCodePoint(c, text.charAt(i + 1)))) {
                    return Violation.HIDDEN_CHARACTERS;
                }
                i++;
            } else if (Character.isSurrogate(c)) {
                return Violation.BROKEN_UNICODE;
            } else if (isHidden(c)) {
                return Violation.HIDDEN_CHARACTERS;
            }
        }
        String normal = normalize(text);
        if (longestCombiningRun(normal) > MAX_COMBINING_RUN) {
            return Violation.STACKED_MARKS;
        }
        if (MARKUP.matcher(normal).find()) {
            return Violation.MARKUP;
        }
        if (SQL.matcher(normal).find()) {
            return Violation.SQL;
        }
        return null;
    }

    /**
     * The first rule a name (of a unit, a cluster, a person, an account, a file) breaks, or
     * {@code null}: every rule of {@link #violation}, and no character that shows as nothing at all,
     * which in a name can only serve to make two different names look the same ("Hội Nông dân" and
     * "Hội Nông\u00ADdân"): the soft hyphen and the joiners, variation selectors, the combining
     * grapheme joiner and the fillers of Hangul and Khmer that render blank.
     */
    public static Violation nameViolation(String text) {
        Violation violation = violation(text);
        if (violation != null) {
            return violation;
        }
        return text.codePoints().anyMatch(TextPolicy::isInvisibleInName) ? Violation.HIDDEN_CHARACTERS : null;
    }

    /** Control and invisible characters that hide or reorder text, anywhere. */
    static boolean isHidden(int c) {
        return (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')
                || (Character.getType(c) == Character.FORMAT && c != SOFT_HYPHEN && c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER)
                || c == 0xFFFE || c == 0xFFFF;
    }

    private static final int SOFT_HYPHEN = 0x00AD;
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private static boolean isInvisibleInName(int c) {
        return c == SOFT_HYPHEN || c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER
                || c == 0x034F // combining grapheme joiner
                || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) // variation selectors
                || (c >= 0x180B && c <= 0x180F) // Mongolian variation selectors and vowel separator
                || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0 // Hangul fillers
                || c == 0x17B4 || c == 0x17B5; // Khmer inherent vowels, which render blank
    }

    private static int longestCombiningRun(String text) {
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                run++;
                longest = Math.max(longest, run);
            } else {
                run = 0;
            }
            i += Character.charCount(codePoint);
        }
        return longest;
    }
}
