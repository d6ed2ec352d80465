package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class PdfDocumentTest {

    static byte[] realPdf() throws IOException {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aSoundPdfIsTakenAndFingerprinted() throws IOException {
        byte[] content = realPdf();
        PdfDocument pdf = PdfDocument.of(content, 1 << 20, "agreement", "agreement");
        assertEquals(content.length, pdf.size());
        assertEquals(64, pdf.sha256().length());
        // SHA-256 of "abc" (FIPS 180-2 test vector)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PdfDocument.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void whiteSpaceAfterTheEndIsTaken() throws IOException {
        PdfDocument.of(concat(realPdf(), "\r\n\n  \n".getBytes(StandardCharsets.US_ASCII)), 1 << 20, "agreement", "agreement");
    }

    @Test
    void aPdfWithHtmlAfterItIsRefused() throws IOException {
        byte[] polyglot = concat(realPdf(), "<html><script>alert(document.cookie)</script></html>\n".getBytes(StandardCharsets.US_ASCII));
        ProblemException problem = assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(polyglot, 1 << 20, "agreement", "agreement"));
        assertEquals("file.pdf.trailing-data", problem.messageKey());
    }

    @Test
    void aPdfHeaderOnSomethingElseIsRefused() {
        byte[] fake = "%PDF-1.4\n% Báo cáo thành tích\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        assertEquals("file.pdf.unreadable",
                assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(fake, 1024, "agreement", "agreement")).messageKey());
    }

    @Test
    void aBrokenCrossReferenceTableIsRefusedNotRepaired() throws IOException {
        byte[] pdf = realPdf();
        String text = new String(pdf, StandardCharsets.ISO_8859_1);
        int startxref = text.lastIndexOf("startxref");
        // point startxref into the middle of the file: a lenient parser would rebuild the table
        byte[] broken = (text.substring(0, startxref) + "startxref\n17\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
        assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(broken, 1 << 20, "agreement", "agreement"));
    }

    @Test
    void anEncryptedPdfIsRefused() throws IOException {
        byte[] encrypted;
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            StandardProtectionPolicy policy = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            policy.setEncryptionKeyLength(128);
            document.protect(policy);
            document.save(out);
            encrypted = out.toByteArray();
        }
        byte[] content = encrypted;
        assertEquals("file.pdf.encrypted",
                assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(content, 1 << 20, "agreement", "agreement")).messageKey());
    }

    @Test
    void aFileOnDiskIsCheckedTheSameWay(@TempDir Path dir) throws IOException {
        Path good = Files.write(dir.resolve("good.pdf"), realPdf());
        PdfDocument.verify(good, "dossier-file", "dossier");
        Path polyglot = Files.write(dir.resolve("bad.pdf"), concat(realPdf(), "PK\u0003\u0004zip".getBytes(StandardCharsets.ISO_8859_1)));
        assertProblem(422, "dossier-file-not-pdf", () -> PdfDocument.verify(polyglot, "dossier-file", "dossier"));
    }

    @Test
    void aFileWhoseEndCrossesAReadPageIsReadWhole(@TempDir Path dir) throws IOException {
        // PDFBox reads a file a 4 KiB page at a time: the trailer must be read across pages
        for (int pages = 1; pages <= 80; pages += 3) {
            try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
                for (int p = 0; p < pages; p++) {
                    document.addPage(new PDPage());
                }
                document.save(out);
                PdfDocument.verify(Files.write(dir.resolve("p" + pages + ".pdf"), out.toByteArray()), "agreement", "agreement");
            }
        }
    }

    @Test
    void anythingElseIsRefused() {
        assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(null, 1024, "agreement", "agreement"));
        assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(new byte[0], 1024, "agreement", "agreement"));
        assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of("%PDF".getBytes(StandardCharsets.US_ASCII), 1024, "agreement", "agreement"));
        assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1), 1024, "agreement", "agreement"));
        assertProblem(422, "agreement-not-pdf", () -> PdfDocument.of(" %PDF-1.7".getBytes(StandardCharsets.US_ASCII), 1024, "agreement", "agreement"));
    }

    @Test
    void theSizeLimitIsInclusive() throws IOException {
        byte[] pdf = realPdf();
        assertEquals(pdf.length, PdfDocument.of(pdf, pdf.length, "agreement", "agreement").size());
        assertProblem(413, "agreement-document-too-large", () -> PdfDocument.of(pdf, pdf.length - 1, "agreement", "agreement"));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static ProblemException assertProblem(int status, String type, Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(status, problem.status());
        assertEquals(type, problem.type());
        return problem;
    }
}
