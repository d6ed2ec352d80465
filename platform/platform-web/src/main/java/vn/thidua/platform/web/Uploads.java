package vn.thidua.platform.web;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.thidua.platform.domain.Refusal;

/**
 * Bodies of uploaded files, read only once the caller may upload (the resource takes the body as an
 * {@link InputStream} and calls {@link #receive} after its authorisation check), and bounded twice:
 * <ul>
 * <li>each body by its endpoint's limit: a declared {@code Content-Length} over it is refused before a
 *     byte is read, and a body sent in chunks is cut off, and refused, at the first byte past it;</li>
 * <li>all bodies in flight together by {@code thidua.uploads.max-in-flight} (bytes): an upload reserves
 *     its declared length (its endpoint's limit when undeclared) before reading, and gives it back when
 *     done; when the reserve is spent the upload is refused at once with 503 and {@code Retry-After},
 *     rather than queued, so that parallel uploads can never hold more heap than the bound allows
 *     (docs/security.md has the arithmetic against the services' heap).</li>
 * </ul>
 * The body goes to a temporary file, its SHA-256 computed on the way; the file is deleted when the
 * {@link Upload} is closed.
 */
@Singleton
public class Uploads {
    public static final String MAX_IN_FLIGHT = "thidua.uploads.max-in-flight";
    private static final int BUFFER = 64 * 1024;

    private final long capacity;
    private final int retryAfterSeconds;
    private final AtomicLong reserved = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    @Inject
    public Uploads(@ConfigProperty(name = MAX_IN_FLIGHT, defaultValue = "24M") MemorySize capacity,
                   @ConfigProperty(name = "thidua.uploads.retry-after-seconds", defaultValue = "2") int retryAfterSeconds) {
        this(capacity.asLongValue(), retryAfterSeconds);
    }

    /** For tests of the bound alone, without the application. */
    public Uploads(long capacity, int retryAfterSeconds) {
        if (capacity < 1) {
            throw new IllegalArgumentException(MAX_IN_FLIGHT + " must be positive");
        }
        this.capacity = capacity;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * Reads {@code body} to a temporary file, at most {@code maxBytes} of it.
     *
     * @param contentLength the request's {@code Content-Length} header, or {@code null} when it sent none
     * @param tooLarge      the endpoint's own 413 problem, given the size seen (the limit plus one when cut off)
     */
    public Upload receive(InputStream body, String contentLength, long maxBytes, LongFunction<? extends Refusal> tooLarge) {
        long declared = declared(contentLength);
        if (declared > maxBytes) {
            throw tooLarge.apply(declared);
        }
        if (body == null || declared == 0) {
            throw ProblemException.badRequest("missing-body", "problem.body-missing");
        }
        long reservation = declared > 0 ? declared : maxBytes;
        reserve(reservation);
        Path file = null;
        try {
            file = Files.createTempFile("thidua-upload-", ".bin");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha256)) {
                byte[] buffer = new byte[BUFFER];
                for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                    size += n;
                    if (size > maxBytes) {
                        throw tooLarge.apply(size);
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw ProblemException.badRequest("missing-body", "problem.body-missing");
            }
            return new Upload(this, file, size, HexFormat.of().formatHex(sha256.digest()), reservation);
        } catch (IOException | NoSuchAlgorithmException | RuntimeException failed) {
            delete(file);
            release(reservation);
            if (failed instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new UncheckedIOException(new IOException("The upload could not be read", failed));
        }
    }

    /** Bytes reserved now by uploads in flight. */
    public long inFlight() {
        return reserved.get();
    }

    /** The most bytes ever reserved at once since start: how tests see that the bound held. */
    public long peak() {
        return peak.get();
    }

    /** Uploads refused as busy since start. */
    public long refused() {
        return refused.get();
    }

    public long capacity() {
        return capacity;
    }

    private void reserve(long bytes) {
        while (true) {
            long now = reserved.get();
            if (now > 0 && now + bytes > capacity) { // one upload alone is always let in
                refused.incrementAndGet();
                throw new ProblemException(503, "uploads-busy", "problem.uploads-busy").retryAfter(retryAfterSeconds);
            }
            if (reserved.compareAndSet(now, now + bytes)) {
                peak.accumulateAndGet(now + bytes, Math::max);
                return;
            }
        }
    }

    void release(long bytes) {
        reserved.addAndGet(-bytes);
    }

    static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                file.toFile().deleteOnExit();
            }
        }
    }

    private static long declared(String contentLength) {
        if (contentLength == null || contentLength.isBlank()) {
            return -1;
        }
        try {
            return Long.parseLong(contentLength.strip());
        } catch (NumberFormatException malformed) {
            return -1;
        }
    }

    /** A received body: a temporary file with its size and SHA-256, deleted (and its reservation given back) on close. */
    public static final class Upload implements AutoCloseable {
        private final Uploads owner;
        private final Path file;
        private final long size;
        private final String sha256;
        private final long reservation;
        private boolean closed;

        Upload(Uploads owner, Path file, long size, String sha256, long reservation) {
            this.owner = owner;
            this.file = file;
            this.size = size;
            this.sha256 = sha256;
            this.reservation = reservation;
        }

        public Path file() {
            return file;
        }

        public long size() {
            return size;
        }

        public String sha256() {
            return sha256;
        }

        /** The first bytes (for telling the kind of file), at most {@code n}. */
        public byte[] head(int n) {
            try (InputStream in = Files.newInputStream(file)) {
                return in.readNBytes(n);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The whole content, for storing (within the reservation this upload holds). */
        public byte[] bytes() {
            try {
                return Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                delete(file);
                owner.release(reservation);
            }
        }
    }
}
