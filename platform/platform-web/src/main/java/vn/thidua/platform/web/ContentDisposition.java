package vn.thidua.platform.web;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;

/**
 * A {@code Content-Disposition} header value per RFC 6266: the type, a quoted ASCII fallback
 * {@code filename="..."} (anything but printable ASCII, and quotes, backslashes, {@code ;},
 * {@code %}, {@code =} replaced by {@code _}, so that not even a naive parser finds a second parameter), and {@code filename*=UTF-8''...} with every byte outside
 * RFC 5987's attr-char percent-encoded. The name is first reduced by {@link FileNames#safe}, so no
 * name can close the quotes, add a parameter, or carry a directory.
 */
public final class ContentDisposition {
    private static final String ATTR_CHAR_PUNCTUATION = "!#$&+-.^_`|~";

    private ContentDisposition() {
    }

    public static String attachment(String fileName) {
        return of("attachment", fileName);
    }

    public static String inline(String fileName) {
        return of("inline", fileName);
    }

    private static String of(String type, String fileName) {
        String name = FileNames.safe(fileName, "tep");
        return type + "; filename=\"" + asciiFallback(name) + "\"; filename*=UTF-8''" + encode(name);
    }

    /** The name in printable ASCII: Vietnamese letters without their marks, anything else as {@code _}. */
    static String asciiFallback(String name) {
        String decomposed = Normalizer.normalize(name.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        StringBuilder ascii = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                return;
            }
            boolean plain = c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != ';' && c != '%' && c != '=';
            ascii.append(plain ? (char) c : '_');
        });
        return ascii.toString();
    }

    /** RFC 5987 ext-value: UTF-8 bytes, attr-char as is, everything else %XX. */
    static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || ATTR_CHAR_PUNCTUATION.indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
            }
        }
        return encoded.toString();
    }
}
