package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PdfDocumentTest {

    @Test
    void aPdfIsRecognisedByItsFirstBytesAndFingerprinted() {
        byte[] content = "%PDF-1.7\n%âãÏÓ\n".getBytes(StandardCharsets.ISO_8859_1);
        PdfDocument pdf = PdfDocument.of(content, 1024, "agreement", "agreement");
        assertEquals(content.length, pdf.size());
        assertEquals(64, pdf.sha256().length());
        // SHA-256 of "abc" (FIPS 180-2 test vector)
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                PdfDocument.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
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
    void theSizeLimitIsInclusive() {
        byte[] exactly = new byte[16];
        System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, exactly, 0, 5);
        assertEquals(16, PdfDocument.of(exactly, 16, "agreement", "agreement").size());
        assertProblem(413, "agreement-document-too-large", () -> PdfDocument.of(exactly, 15, "agreement", "agreement"));
    }

    private static void assertProblem(int status, String type, Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(status, problem.status());
        assertEquals(type, problem.typeSlug());
    }
}
