package vn.thidua.platform.web;

import com.fasterxml.jackson.core.JsonParseException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a byte stream through unchanged while checking that it is well-formed UTF-8 as the
 * Unicode Standard defines it (table 3-7): no overlong forms, no surrogates, nothing above
 * U+10FFFF, no sequence cut short. Jackson's parser decodes leniently ({@code C0 AE} becomes
 * {@code .}, so {@code "\xc0\xae\xc0\xae"} arrives as {@code ".."}, past every check made on the
 * decoded text); this runs under it and stops the read at the first bad byte.
 */
final class StrictUtf8InputStream extends FilterInputStream {
    private long position;
    private int continuationBytesNeeded;
    private int nextLow = 0x80;
    private int nextHigh = 0xBF;

    StrictUtf8InputStream(InputStream in) {
        super(in);
    }

    /** The body is not UTF-8: a parse failure, so that it is answered as every other unreadable body is. */
    static final class Malformed extends JsonParseException {
        private final long offset;

        Malformed(long offset) {
            super(null, "Malformed UTF-8 at byte " + offset);
            this.offset = offset;
        }

        long offset() {
            return offset;
        }
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b < 0) {
            endOfInput();
        } else {
            check(b);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        if (read < 0) {
            endOfInput();
        }
        for (int i = 0; i < read; i++) {
            check(buffer[offset + i] & 0xFF);
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        // every byte must be seen to be checked
        long skipped = 0;
        while (skipped < n && read() >= 0) {
            skipped++;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    private void endOfInput() throws Malformed {
        if (continuationBytesNeeded > 0) {
            throw new Malformed(position);
        }
    }

    private void check(int b) throws Malformed {
        if (continuationBytesNeeded > 0) {
            if (b < nextLow || b > nextHigh) {
                throw new Malformed(position);
            }
            continuationBytesNeeded--;
            nextLow = 0x80;
            nextHigh = 0xBF;
        } else if (b >= 0x80) {
            start(b);
        }
        position++;
    }

    /** The lead byte of a multi-byte sequence: how many bytes follow, and the range of the first of them. */
    private void start(int lead) throws Malformed {
        if (lead >= 0xC2 && lead <= 0xDF) {
            continuationBytesNeeded = 1;
        } else if (lead == 0xE0) {
            continuationBytesNeeded = 2;
            nextLow = 0xA0; // below: an overlong form of U+0000–U+07FF
        } else if (lead == 0xED) {
            continuationBytesNeeded = 2;
            nextHigh = 0x9F; // above: the surrogates U+D800–U+DFFF
        } else if (lead >= 0xE1 && lead <= 0xEF) {
            continuationBytesNeeded = 2;
        } else if (lead == 0xF0) {
            continuationBytesNeeded = 3;
            nextLow = 0x90; // below: an overlong form of U+0000–U+FFFF
        } else if (lead >= 0xF1 && lead <= 0xF3) {
            continuationBytesNeeded = 3;
        } else if (lead == 0xF4) {
            continuationBytesNeeded = 3;
            nextHigh = 0x8F; // above: beyond U+10FFFF
        } else {
            // a stray continuation byte, an overlong lead (C0, C1) or one that cannot start anything (F5–FF)
            throw new Malformed(position);
        }
    }
}
