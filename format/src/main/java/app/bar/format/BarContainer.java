package app.bar.format;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The BAR v1 container: a 16-byte header, then the plaintext in AES-256-GCM segments
 * (docs/zero-knowledge-format.md). It is the STREAM construction (Hoang, Reyhanitabar, Rogaway,
 * Vizár), as Tink's streaming AEAD uses it, but written with the JDK's AES-GCM so that a browser
 * can produce and read the same bytes with WebCrypto alone:
 *
 * <pre>
 * header  = "BAR" 0x01 | segmentSize (uint32 BE) | noncePrefix (7 bytes) | flags (1 byte: bit 0 = password-bound)
 * nonce_i = noncePrefix | i (uint32 BE) | last (0x01 for the final segment, else 0x00)
 * seg_i   = AES-256-GCM(contentKey, nonce_i, aad = header, plaintext_i)   (ciphertext || 16-byte tag)
 * </pre>
 *
 * Every segment but the last holds exactly {@code segmentSize} plaintext bytes; the last holds
 * 0..segmentSize. Reordering, dropping, truncating or altering anything fails authentication.
 */
public final class BarContainer {

    public static final int HEADER_BYTES = 16;
    public static final int TAG_BYTES = 16;
    public static final int DEFAULT_SEGMENT_SIZE = 1 << 20;
    public static final int MIN_SEGMENT_SIZE = 64;
    public static final int MAX_SEGMENT_SIZE = 16 << 20;
    private static final byte[] MAGIC = {'B', 'A', 'R', 0x01};
    private static final SecureRandom RANDOM = new SecureRandom();

    private BarContainer() {
    }

    /** A stream that seals what is written to it into {@code out}; close it to write the last segment. */
    public static OutputStream seal(OutputStream out, byte[] contentKey, boolean passwordBound) throws IOException {
        byte[] prefix = new byte[7];
        RANDOM.nextBytes(prefix);
        return seal(out, contentKey, passwordBound, DEFAULT_SEGMENT_SIZE, prefix);
    }

    /** As {@link #seal(OutputStream, byte[], boolean)} with a chosen segment size and nonce prefix (test vectors). */
    public static OutputStream seal(OutputStream out, byte[] contentKey, boolean passwordBound, int segmentSize,
            byte[] noncePrefix) throws IOException {
        checkSegmentSize(segmentSize);
        if (noncePrefix.length != 7) {
            throw new IllegalArgumentException("the nonce prefix is 7 bytes, was " + noncePrefix.length);
        }
        byte[] header = ByteBuffer.allocate(HEADER_BYTES).put(MAGIC).putInt(segmentSize).put(noncePrefix)
                .put((byte) (passwordBound ? 1 : 0)).array();
        out.write(header);
        return new Sealer(out, new Segments(contentKey, header), segmentSize);
    }

    /** A stream of the plaintext of the container read from {@code in}; a failed check throws {@link IOException}. */
    public static InputStream open(InputStream in, byte[] contentKey) throws IOException {
        byte[] header = in.readNBytes(HEADER_BYTES);
        if (header.length < HEADER_BYTES || header[0] != MAGIC[0] || header[1] != MAGIC[1] || header[2] != MAGIC[2]) {
            throw new IOException("not a BAR container");
        }
        if (header[3] != MAGIC[3]) {
            throw new IOException("unsupported BAR container version " + header[3]);
        }
        int segmentSize = ByteBuffer.wrap(header, 4, 4).getInt();
        try {
            checkSegmentSize(segmentSize);
        } catch (IllegalArgumentException e) {
            throw new IOException("invalid segment size", e);
        }
        return new Opener(in, new Segments(contentKey, header), segmentSize);
    }

    /** Whether a container's header says it is bound to a password. */
    public static boolean isPasswordBound(byte[] header) {
        return header.length >= HEADER_BYTES && (header[15] & 1) == 1;
    }

    /** The plaintext framing inside the container: a uint32 BE length, then that many bytes of UTF-8 JSON metadata. */
    public static void writeMetadata(OutputStream sealed, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        sealed.write(ByteBuffer.allocate(4).putInt(bytes.length).array());
        sealed.write(bytes);
    }

    /** Reads the metadata frame written by {@link #writeMetadata}; the stream is then at the content. */
    public static String readMetadata(InputStream opened) throws IOException {
        byte[] length = opened.readNBytes(4);
        if (length.length < 4) {
            throw new EOFException("no metadata frame");
        }
        int n = ByteBuffer.wrap(length).getInt();
        if (n < 0 || n > 64 * 1024) {
            throw new IOException("metadata frame larger than 64 KiB");
        }
        byte[] json = opened.readNBytes(n);
        if (json.length < n) {
            throw new EOFException("truncated metadata frame");
        }
        return new String(json, StandardCharsets.UTF_8);
    }

    private static void checkSegmentSize(int segmentSize) {
        if (segmentSize < MIN_SEGMENT_SIZE || segmentSize > MAX_SEGMENT_SIZE) {
            throw new IllegalArgumentException("segment size must be " + MIN_SEGMENT_SIZE + ".." + MAX_SEGMENT_SIZE
                    + " bytes, was " + segmentSize);
        }
    }

    /** Encrypts and decrypts segment i; one cipher object, re-initialised per segment with its nonce. */
    private static final class Segments {
        private final SecretKeySpec key;
        private final byte[] header;
        private final byte[] nonce = new byte[12];
        private final Cipher cipher;
        private int index;

        Segments(byte[] contentKey, byte[] header) throws IOException {
            if (contentKey.length != 32) {
                throw new IllegalArgumentException("the content key is 32 bytes, was " + contentKey.length);
            }
            this.key = new SecretKeySpec(contentKey, "AES");
            this.header = header;
            System.arraycopy(header, 8, nonce, 0, 7);
            try {
                this.cipher = Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM is not available", e);
            }
        }

        byte[] next(int mode, byte[] input, int length, boolean last) throws IOException {
            if (index == -1) {
                throw new IOException("the container already ended");
            }
            ByteBuffer.wrap(nonce, 7, 5).putInt(index).put((byte) (last ? 1 : 0));
            try {
                cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
                cipher.updateAAD(header);
                byte[] result = cipher.doFinal(input, 0, length);
                index = last ? -1 : index + 1;
                return result;
            } catch (AEADBadTagException e) {
                throw new IOException("segment " + index + " failed authentication (altered, reordered, truncated or wrong key)", e);
            } catch (GeneralSecurityException e) {
                throw new IOException("AES-GCM failed", e);
            }
        }
    }

    private static final class Sealer extends FilterOutputStream {
        private final Segments segments;
        private final byte[] buffer;
        private int filled;
        private boolean closed;

        Sealer(OutputStream out, Segments segments, int segmentSize) {
            super(out);
            this.segments = segments;
            this.buffer = new byte[segmentSize];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] data, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == buffer.length) {
                    out.write(segments.next(Cipher.ENCRYPT_MODE, buffer, filled, false)); // more follows: not last
                    filled = 0;
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(data, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        @Override
        public void close() throws IOException {
            if (!closed) {
                closed = true;
                out.write(segments.next(Cipher.ENCRYPT_MODE, buffer, filled, true));
                out.close();
            }
        }
    }

    private static final class Opener extends InputStream {
        private final InputStream in;
        private final Segments segments;
        private final int chunkSize;
        private byte[] plain = new byte[0];
        private int position;
        private int lookahead = -1;
        private boolean finished;

        Opener(InputStream in, Segments segments, int segmentSize) {
            this.in = in;
            this.segments = segments;
            this.chunkSize = segmentSize + TAG_BYTES;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            while (position == plain.length) {
                if (finished) {
                    return -1;
                }
                nextSegment();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, target, offset, n);
            position += n;
            return n;
        }

        private void nextSegment() throws IOException {
            ByteArrayOutputStream chunk = new ByteArrayOutputStream(chunkSize);
            if (lookahead >= 0) {
                chunk.write(lookahead);
                lookahead = -1;
            }
            chunk.write(in.readNBytes(chunkSize - chunk.size()));
            boolean last = chunk.size() < chunkSize || (lookahead = in.read()) < 0;
            if (chunk.size() < TAG_BYTES) {
                throw new IOException("the container is truncated");
            }
            byte[] bytes = chunk.toByteArray();
            plain = segments.next(Cipher.DECRYPT_MODE, bytes, bytes.length, last);
            position = 0;
            finished = last;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
