package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFileTest {
    @TempDir
    Path dir;

    static byte[] image(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < width; x++) {
            image.setRGB(x, x % height, 0xC0FFEE);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    @Test
    void soundImagesAreTaken() throws IOException {
        ImageFile.verify(write("a.png", image("png", 64, 48)), FileKind.PNG, 10_000, "evidence");
        ImageFile.verify(write("a.jpg", image("jpeg", 64, 48)), FileKind.JPEG, 10_000, "evidence");
    }

    @Test
    void aPngWithAZipAppendedIsRefused() throws IOException {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("payload.html"));
            out.write("<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));
        }
        Path polyglot = write("p.png", concat(image("png", 32, 32), zip.toByteArray()));
        assertEquals("file.image.trailing-data", refused(polyglot, FileKind.PNG).messageKey());
    }

    @Test
    void aJpegWithDataAfterItsEndIsRefused() throws IOException {
        Path polyglot = write("p.jpg", concat(image("jpeg", 32, 32), "<html></html>".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("file.image.trailing-data", refused(polyglot, FileKind.JPEG).messageKey());
    }

    @Test
    void aTruncatedOrDamagedImageIsRefused() throws IOException {
        byte[] png = image("png", 32, 32);
        refused(write("t.png", Arrays.copyOf(png, png.length - 20)), FileKind.PNG);
        byte[] damaged = png.clone();
        for (int i = 40; i < damaged.length - 20; i++) {
            damaged[i] = (byte) 0x5A;
        }
        refused(write("d.png", damaged), FileKind.PNG);
        refused(write("h.jpg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0, 0}), FileKind.JPEG);
    }

    @Test
    void thePixelBoundIsReadFromTheHeaderBeforeDecoding() throws IOException {
        Path big = write("big.png", image("png", 300, 200));
        ProblemException problem = refused(big, FileKind.PNG, 50_000);
        assertEquals("file.image.too-many-pixels", problem.messageKey());
        ImageFile.verify(big, FileKind.PNG, 60_000, "evidence");
    }

    @Test
    void theDeclaredTypeMustBeTheDetectedOne() throws IOException {
        byte[] png = image("png", 8, 8);
        assertEquals(Optional.of(FileKind.PNG), FileKind.matching(png, "image/png"));
        assertEquals(Optional.empty(), FileKind.matching(png, "image/jpeg"));
        assertEquals(Optional.empty(), FileKind.matching(png, "application/pdf"));
        assertEquals(Optional.empty(), FileKind.matching("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "image/png"));
        assertEquals(Optional.of(FileKind.PDF), FileKind.matching("%PDF-1.7".getBytes(StandardCharsets.US_ASCII), "application/pdf"));
    }

    private ProblemException refused(Path file, FileKind kind) {
        return refused(file, kind, 10_000_000);
    }

    private ProblemException refused(Path file, FileKind kind, long maxPixels) {
        ProblemException problem = assertThrows(ProblemException.class, () -> ImageFile.verify(file, kind, maxPixels, "evidence"));
        assertEquals(422, problem.status());
        assertEquals("evidence-not-image", problem.type());
        return problem;
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }
}
