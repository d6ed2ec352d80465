package vn.thidua.platform.web;

import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.jboss.logging.Logger;

/**
 * An uploaded PNG or JPEG checked to be what it claims: its structure walked to the format's end (the
 * PNG {@code IEND} chunk, the JPEG end-of-image marker) with nothing after it (so no ZIP, HTML or
 * script appended), its size in pixels read from the header and bounded before any decoding, then
 * decoded whole (every row read, kept subsampled so a large image needs about a megapixel of heap).
 *
 * <p>Problems, 422 of type {@code <type>-not-image}: texts {@code file.image.trailing-data},
 * {@code file.image.unreadable} and {@code file.image.too-many-pixels} (pixels and limit) of the
 * platform's messages; a detail never names the library.
 */
public final class ImageFile {
    private static final Logger LOG = Logger.getLogger(ImageFile.class);
    /** Decoded pixels kept at most while checking (subsampling the rest): about 4 MB of heap. */
    private static final long KEPT_PIXELS = 1_000_000;

    private ImageFile() {
    }

    /** Checks the file is a sound image of that kind (PNG or JPEG) of at most {@code maxPixels} pixels. */
    public static void verify(Path file, FileKind kind, long maxPixels, String type) {
        if (kind != FileKind.PNG && kind != FileKind.JPEG) {
            throw new IllegalArgumentException("not an image kind: " + kind);
        }
        try {
            long size = Files.size(file);
            long end;
            try (Counting in = new Counting(new BufferedInputStream(Files.newInputStream(file)))) {
                end = kind == FileKind.PNG ? pngEnd(in) : jpegEnd(in);
            }
            if (end != size) {
                throw ProblemException.unprocessable(type + "-not-image", "file.image.trailing-data");
            }
            decode(file, kind, maxPixels, type);
        } catch (ProblemException problem) {
            throw problem;
        } catch (IOException | RuntimeException broken) {
            LOG.infof("Uploaded image refused: %s", broken.toString());
            throw ProblemException.unprocessable(type + "-not-image", "file.image.unreadable");
        }
    }

    private static void decode(Path file, FileKind kind, long maxPixels, String type) throws IOException {
        try (ImageInputStream stream = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(kind.mediaType());
            if (!readers.hasNext()) {
                throw new IOException("no reader for " + kind);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(stream, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels > maxPixels) {
                    throw ProblemException.unprocessable(type + "-not-image", "file.image.too-many-pixels", pixels, maxPixels);
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = (int) Math.max(1, Math.ceil(Math.sqrt((double) pixels / KEPT_PIXELS)));
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IOException("nothing decoded");
                }
            } finally {
                reader.dispose();
            }
        }
    }

    /** The offset just after the IEND chunk's CRC; every chunk before it is walked by its length. */
    private static long pngEnd(Counting in) throws IOException {
        in.skipExactly(8);
        while (true) {
            long length = in.readInt() & 0xFFFFFFFFL;
            if (length > Integer.MAX_VALUE) {
                throw new IOException("PNG chunk length out of range");
            }
            int chunk = in.readInt();
            in.skipExactly(length + 4); // data and CRC
            if (chunk == 0x49454E44) { // IEND
                return in.position();
            }
        }
    }

    /** The offset just after the end-of-image marker: segments walked by their lengths, scans byte by byte. */
    private static long jpegEnd(Counting in) throws IOException {
        in.skipExactly(2); // SOI
        int marker = nextMarker(in);
        while (true) {
            if (marker == 0xD9) { // EOI
                return in.position();
            }
            if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD7) {
                marker = nextMarker(in);
                continue;
            }
            int length = in.readUnsignedShort();
            if (length < 2) {
                throw new IOException("JPEG segment length out of range");
            }
            in.skipExactly(length - 2);
            marker = marker == 0xDA ? afterScan(in) : nextMarker(in);
        }
    }

    /** A marker: 0xFF (fill bytes allowed) then its code. */
    private static int nextMarker(Counting in) throws IOException {
        if (in.readByte() != 0xFF) {
            throw new IOException("JPEG marker expected");
        }
        int code = in.readByte();
        while (code == 0xFF) {
            code = in.readByte();
        }
        return code;
    }

    /** Entropy-coded data up to the next marker that is neither a stuffed 0xFF00 nor a restart marker. */
    private static int afterScan(Counting in) throws IOException {
        while (true) {
            if (in.readByte() != 0xFF) {
                continue;
            }
            int code = in.readByte();
            while (code == 0xFF) {
                code = in.readByte();
            }
            if (code != 0x00 && (code < 0xD0 || code > 0xD7)) {
                return code;
            }
        }
    }

    /** A stream that knows how far it has read and refuses to run past its end. */
    private static final class Counting implements AutoCloseable {
        private final InputStream in;
        private long position;

        Counting(InputStream in) {
            this.in = in;
        }

        int readByte() throws IOException {
            int b = in.read();
            if (b < 0) {
                throw new EOFException();
            }
            position++;
            return b;
        }

        int readUnsignedShort() throws IOException {
            return readByte() << 8 | readByte();
        }

        int readInt() throws IOException {
            return readByte() << 24 | readByte() << 16 | readByte() << 8 | readByte();
        }

        void skipExactly(long n) throws IOException {
            in.skipNBytes(n);
            position += n;
        }

        long position() {
            return position;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
