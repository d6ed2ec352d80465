package vn.thidua.devstack.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Small, sound files for tests that upload: services parse what they are sent (a PDF's cross-reference
 * table and trailer, an image's chunks), so a few bytes starting with {@code %PDF-} are no longer taken.
 */
public final class TestFiles {
    private TestFiles() {
    }

    /**
     * A valid one-page PDF (header, catalog, page tree, a page, cross-reference table, trailer,
     * {@code %%EOF}) carrying {@code note} in a comment, so that different notes give different files.
     */
    public static byte[] pdf(String note) {
        return pdf(note, 0);
    }

    /** The same, padded with {@code padding} bytes of comment lines, to make a large file. */
    public static byte[] pdf(String note, int padding) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(padding + 1024);
        write(out, "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n");
        byte[] comment = ("% " + note.replace('\n', ' ').replace('\r', ' ') + "\n").getBytes(StandardCharsets.UTF_8);
        out.writeBytes(comment);
        if (padding > 0) {
            byte[] line = ("%" + "x".repeat(78) + "\n").getBytes(StandardCharsets.US_ASCII);
            for (int written = 0; written < padding; written += line.length) {
                out.writeBytes(line);
            }
        }
        List<Integer> offsets = new ArrayList<>();
        String[] objects = {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"
        };
        for (int i = 0; i < objects.length; i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            table.append(String.format("%010d 00000 n \n", offset));
        }
        table.append("trailer\n<< /Size ").append(objects.length + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
        write(out, table.toString());
        return out.toByteArray();
    }

    /** A valid PDF of exactly {@code size} bytes (at least 1 KiB): padded inside with comments, then with line breaks after {@code %%EOF}. */
    public static byte[] pdfOfSize(String note, int size) {
        byte[] content = pdf(note, Math.max(0, size - 1024));
        if (content.length > size) {
            throw new IllegalArgumentException("a PDF needs more than " + size + " bytes");
        }
        byte[] exact = Arrays.copyOf(content, size);
        Arrays.fill(exact, content.length, size, (byte) '\n');
        return exact;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }
}
