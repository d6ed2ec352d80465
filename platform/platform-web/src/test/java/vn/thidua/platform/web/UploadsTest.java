package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UploadsTest {
    private static final ProblemException TOO_LARGE = new ProblemException(413, "file-too-large", "x");

    @Test
    void aBodyIsSpooledAndFingerprintedAndItsFileGoesOnClose() {
        Uploads uploads = new Uploads(1024, 2);
        byte[] content = "abc".getBytes(StandardCharsets.US_ASCII);
        Uploads.Upload upload = uploads.receive(new ByteArrayInputStream(content), "3", 100, seen -> TOO_LARGE);
        assertEquals(3, upload.size());
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", upload.sha256());
        assertArrayEquals(content, upload.bytes());
        assertEquals(3, uploads.inFlight());
        upload.close();
        assertFalse(Files.exists(upload.file()));
        assertEquals(0, uploads.inFlight());
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeAByteIsRead() {
        AtomicLong read = new AtomicLong();
        InputStream body = counting(read, 1 << 20);
        Uploads uploads = new Uploads(1 << 30, 2);
        assertEquals(413, assertThrows(ProblemException.class, () -> uploads.receive(body, String.valueOf(1 << 20), 1000, seen -> TOO_LARGE)).status());
        assertEquals(0, read.get());
        assertEquals(0, uploads.inFlight());
    }

    @Test
    void anUndeclaredBodyIsCutOffJustPastTheLimit() {
        AtomicLong read = new AtomicLong();
        Uploads uploads = new Uploads(1 << 30, 2);
        AtomicLong seenSize = new AtomicLong();
        ProblemException problem = assertThrows(ProblemException.class,
                () -> uploads.receive(counting(read, 10 << 20), null, 100_000, seen -> {
                    seenSize.set(seen);
                    return TOO_LARGE;
                }));
        assertEquals(413, problem.status());
        assertTrue(read.get() < 100_000 + 128 * 1024, "read " + read.get());
        assertTrue(seenSize.get() > 100_000);
        assertEquals(0, uploads.inFlight());
    }

    @Test
    void whenTheReserveIsSpentTheNextUploadIsRefusedAtOnceWithRetryAfter() {
        Uploads uploads = new Uploads(10, 7);
        Uploads.Upload first = uploads.receive(new ByteArrayInputStream(new byte[8]), "8", 100, seen -> TOO_LARGE);
        ProblemException busy = assertThrows(ProblemException.class,
                () -> uploads.receive(new ByteArrayInputStream(new byte[8]), "8", 100, seen -> TOO_LARGE));
        assertEquals(503, busy.status());
        assertEquals("uploads-busy", busy.type());
        assertEquals(7, busy.retryAfterSeconds());
        assertEquals(1, uploads.refused());
        first.close();
        // an undeclared length reserves the endpoint's limit; alone, even over the bound, it is let in
        try (Uploads.Upload alone = uploads.receive(new ByteArrayInputStream(new byte[8]), null, 100, seen -> TOO_LARGE)) {
            assertEquals(100, uploads.inFlight());
        }
        assertEquals(0, uploads.inFlight());
        assertEquals(100, uploads.peak());
    }

    @Test
    void anEmptyBodyIsABadRequest() {
        Uploads uploads = new Uploads(10, 1);
        assertEquals(400, assertThrows(ProblemException.class,
                () -> uploads.receive(new ByteArrayInputStream(new byte[0]), null, 100, seen -> TOO_LARGE)).status());
        assertEquals(0, uploads.inFlight());
    }

    private static InputStream counting(AtomicLong read, long length) {
        return new InputStream() {
            @Override
            public int read() {
                if (read.get() >= length) {
                    return -1;
                }
                read.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = (int) Math.min(len, length - read.get());
                if (n <= 0) {
                    return -1;
                }
                read.addAndGet(n);
                return n;
            }
        };
    }
}
