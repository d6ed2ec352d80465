package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run by the surefire execution "upload-heap" alone with -Xmx192m, the services' local heap
 * (devstack LocalStack: -Xmx192m): 20 parallel uploads of 10 MiB PDFs, each going the way a service
 * takes it (received under the default in-flight bound of 24M to a temporary file, parsed as a PDF,
 * read into memory and copied once more, as Hibernate keeps a snapshot of a byte[] it persists),
 * beside a ballast standing for the rest of a service's live heap. Unbounded, the 20 uploads alone
 * would need some 400 MiB; bounded, a few get in at a time and the others are told to come back
 * (503 with Retry-After), and the JVM (with -XX:+ExitOnOutOfMemoryError) lives.
 */
class UploadHeapTest {
    private static final int UPLOADS = 20;
    private static final int SIZE = 10 * 1024 * 1024;
    /** A service under load: 25–35 MB live at rest (docs/benchmarks.md), plus caches and Kafka clients. */
    private static final int BALLAST_MIB = 64;

    @TempDir
    Path dir;

    @Test
    void twentyParallelTenMebibyteUploadsFitTheServicesHeap() throws Exception {
        Path pdf = dir.resolve("big.pdf");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(pdf))) {
            byte[] small = PdfDocumentTest.realPdf();
            out.write(small);
            byte[] line = new byte[1024];
            java.util.Arrays.fill(line, (byte) ' ');
            line[1023] = '\n';
            for (long written = small.length; written < SIZE; written += line.length) {
                out.write(line, 0, (int) Math.min(line.length, SIZE - written));
            }
        }
        assertEquals(SIZE, Files.size(pdf));
        Uploads uploads = new Uploads(24L * 1024 * 1024, 2);
        byte[][] ballast = new byte[BALLAST_MIB][];
        for (int i = 0; i < BALLAST_MIB; i++) {
            ballast[i] = new byte[1024 * 1024];
        }
        AtomicInteger stored = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(UPLOADS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < UPLOADS; i++) {
                all.add(pool.submit(() -> {
                    start.await();
                    try (InputStream body = Files.newInputStream(pdf);
                         Uploads.Upload upload = uploads.receive(body, String.valueOf(SIZE), SIZE,
                                 seen -> new ProblemException(413, "too-large", "x"))) {
                        PdfDocument.verify(upload.file(), "dossier-file", "dossier");
                        byte[] content = upload.bytes();
                        byte[] snapshot = content.clone();
                        MessageDigest.getInstance("SHA-256").digest(snapshot);
                        stored.incrementAndGet();
                    } catch (ProblemException refused) {
                        assertEquals(503, refused.status());
                        busy.incrementAndGet();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> upload : all) {
                upload.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage).mapToLong(u -> u.getUsed()).sum();
        System.out.printf("upload-heap: %d stored, %d told to retry, peak reserve %d MiB, peak heap %d MiB of max %d MiB%n",
                stored.get(), busy.get(), uploads.peak() >> 20, peakHeap >> 20, Runtime.getRuntime().maxMemory() >> 20);
        assertEquals(UPLOADS, stored.get() + busy.get());
        assertTrue(stored.get() >= 1);
        assertTrue(uploads.peak() <= uploads.capacity(), "the reserve held");
        assertEquals(0, uploads.inFlight());
        assertEquals(BALLAST_MIB, ballast.length);
    }
}
