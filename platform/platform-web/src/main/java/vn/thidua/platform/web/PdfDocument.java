package vn.thidua.platform.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdfparser.PDFParser;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.jboss.logging.Logger;

/**
 * A document as uploaded, checked to be a PDF by what it is, not by what the client claims: it
 * starts with {@code %PDF-}, ends with {@code %%EOF} (nothing but white space after it, so no HTML,
 * ZIP or script rides along), its cross-reference table and trailer parse strictly (PDFBox, not in
 * lenient mode, caching streams in temporary files only, never in memory), it has at least one
 * page, and it is not encrypted (no one down the line could open it). Fingerprinted with SHA-256.
 *
 * <p>Problems name the document: types {@code <type>-not-pdf} (422) and
 * {@code <type>-document-too-large} (413); texts {@code <texts>.not-pdf} (no PDF header) and
 * {@code <texts>.document-too-large} (size and limit as arguments) from the service's own
 * messages, and the platform's {@code file.pdf.*} for a PDF header on something that is not a
 * sound PDF. A detail never names the library.
 */
public record PdfDocument(byte[] content, String sha256, long size) {
    private static final Logger LOG = Logger.getLogger(PdfDocument.class);
    private static final byte[] MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] EOF = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    /** Checks a document held in memory (as generated documents and small uploads are). */
    public static PdfDocument of(byte[] content, long maxBytes, String type, String texts) {
        long size = content == null ? 0 : content.length;
        if (size > maxBytes) {
            throw tooLarge(size, maxBytes, type, texts);
        }
        if (content == null || content.length == 0) {
            throw notPdf(type, texts);
        }
        try (RandomAccessRead source = new RandomAccessReadBuffer(content)) {
            verify(source, type, texts);
        } catch (IOException unreadable) {
            throw unsound(type, "file.pdf.unreadable", unreadable);
        }
        return new PdfDocument(content, sha256(content), size);
    }

    /** Checks a document spooled to a file (an upload, {@link Uploads}); nothing of it is kept in memory. */
    public static void verify(Path file, String type, String texts) {
        try (RandomAccessRead source = new RandomAccessReadBufferedFile(file)) {
            verify(source, type, texts);
        } catch (IOException unreadable) {
            throw unsound(type, "file.pdf.unreadable", unreadable);
        }
    }

    /** The 413 of this document's kind: {@code size} is what was seen (the limit plus one when the body was cut short). */
    public static ProblemException tooLarge(long size, long maxBytes, String type, String texts) {
        return new ProblemException(413, type + "-document-too-large", texts + ".document-too-large", String.valueOf(size),
                String.valueOf(maxBytes));
    }

    private static void verify(RandomAccessRead source, String type, String texts) throws IOException {
        if (!startsWithMagic(source)) {
            throw notPdf(type, texts);
        }
        long end = endOfContent(source);
        if (!endsWithEof(source, end)) {
            throw ProblemException.unprocessable(type + "-not-pdf", "file.pdf.trailing-data");
        }
        if (!startxrefPointsAtCrossReference(source, end)) {
            throw ProblemException.unprocessable(type + "-not-pdf", "file.pdf.unreadable");
        }
        source.seek(0);
        PDFParser parser = new StrictParser(source);
        try (PDDocument document = parser.parse()) {
            if (document.isEncrypted()) {
                throw ProblemException.unprocessable(type + "-not-pdf", "file.pdf.encrypted");
            }
            if (document.getNumberOfPages() < 1) {
                throw ProblemException.unprocessable(type + "-not-pdf", "file.pdf.unreadable");
            }
        } catch (InvalidPasswordException encrypted) {
            throw ProblemException.unprocessable(type + "-not-pdf", "file.pdf.encrypted");
        } catch (IOException | RuntimeException broken) {
            if (broken instanceof ProblemException problem) {
                throw problem;
            }
            throw unsound(type, "file.pdf.unreadable", broken);
        }
    }

    /** PDFBox's parser without its lenient repairs: a broken cross-reference table or trailer is refused, not rebuilt. */
    private static final class StrictParser extends PDFParser {
        StrictParser(RandomAccessRead source) throws IOException {
            super(source, "", null, null, IOUtils.createTempFileOnlyStreamCache());
            setLenient(false);
        }
    }

    private static boolean startsWithMagic(RandomAccessRead source) throws IOException {
        if (source.length() < MAGIC.length) {
            return false;
        }
        source.seek(0);
        for (byte expected : MAGIC) {
            if (source.read() != expected) {
                return false;
            }
        }
        return true;
    }

    /** The offset just after the last byte that is not white space. */
    private static long endOfContent(RandomAccessRead source) throws IOException {
        long end = source.length();
        byte[] chunk = new byte[8192];
        while (end > 0) {
            int n = (int) Math.min(chunk.length, end);
            source.seek(end - n);
            source.readFully(chunk, 0, n);
            int read = n;
            for (int i = read - 1; i >= 0; i--) {
                int b = chunk[i] & 0xFF;
                if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && b != '\f' && b != 0) {
                    return end - n + i + 1;
                }
            }
            end -= n;
        }
        return 0;
    }

    /** The last non-white-space bytes are the five bytes {@code %%EOF}: nothing else comes after the end. */
    private static boolean endsWithEof(RandomAccessRead source, long end) throws IOException {
        if (end < EOF.length + MAGIC.length) {
            return false;
        }
        source.seek(end - EOF.length);
        for (byte expected : EOF) {
            if (source.read() != expected) {
                return false;
            }
        }
        return true;
    }

    /**
     * The last {@code startxref} names the offset of a cross-reference table ({@code xref}) or stream
     * ({@code n g obj}); PDFBox would otherwise search the file for one, and take a file whose trailer
     * points nowhere.
     */
    private static boolean startxrefPointsAtCrossReference(RandomAccessRead source, long end) throws IOException {
        long length = source.length();
        int window = (int) Math.min(end, 2048);
        source.seek(end - window);
        byte[] tail = new byte[window];
        source.readFully(tail, 0, window); // a buffered file reads at most to its page's end at a time
        String text = new String(tail, StandardCharsets.ISO_8859_1);
        Matcher matcher = Pattern.compile("startxref\\s+(\\d{1,15})\\s+%%EOF$").matcher(text);
        if (!matcher.find()) {
            return false;
        }
        long offset = Long.parseLong(matcher.group(1));
        if (offset <= 0 || offset >= length) {
            return false;
        }
        source.seek(offset);
        byte[] head = new byte[(int) Math.min(32, length - offset)];
        source.readFully(head, 0, head.length);
        String at = new String(head, StandardCharsets.ISO_8859_1);
        return at.startsWith("xref") || at.matches("(?s)\\d+\\s+\\d+\\s+obj.*");
    }

    private static ProblemException notPdf(String type, String texts) {
        return ProblemException.unprocessable(type + "-not-pdf", texts + ".not-pdf");
    }

    private static ProblemException unsound(String type, String key, Throwable cause) {
        // the library's words are for the log; the caller gets ours
        LOG.infof("Uploaded PDF refused: %s", cause.toString());
        return ProblemException.unprocessable(type + "-not-pdf", key);
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }
}
