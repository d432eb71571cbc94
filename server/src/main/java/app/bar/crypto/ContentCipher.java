package app.bar.crypto;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.StreamingAead;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey;
import com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingParameters;
import com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters;
import com.google.crypto.tink.subtle.AesGcmHkdfStreaming;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Seals share contents with Tink's streaming AEAD {@link AesGcmHkdfStreaming}: AES-256-GCM in
 * 64 KiB segments under a key derived by HKDF-SHA256 from the data key and a random salt, each
 * segment authenticated and ordered, the last one marked, so truncation, reordering and bit
 * flips are all detected. The share id is the associated data: a blob moved to another share
 * does not decrypt.
 *
 * <p>Memory per stream is two segment buffers, whatever the size (issue 11 item 1): with Tink's
 * predefined {@code AES256_GCM_HKDF_1MB} (what BAR sealed with before) they were 2 MiB per open
 * stream, which with a few dozen concurrent downloads filled a 128 MiB heap. The primitive is
 * built directly from the key (not through a keyset, whose decrypting wrapper buffers the
 * ciphertext to try several keys: BAR has one key per share). A stream sealed this way starts
 * with the byte {@link #SMALL_SEGMENTS} and is authenticated under a {@code v2} context, so the
 * marker cannot be flipped to read it with other parameters; a stream without the marker (it then
 * starts with Tink's header length, 40) is one of the 1 MiB segments of before and is still read.
 *
 * <p>Text shares (at most a few MiB, held in memory anyway) are sealed in one piece instead
 * ({@link #sealWhole}): AES-256-GCM under the data key with a random 96-bit nonce, in the bytes of
 * Tink's {@link AesGcmJce} (sealed with the JDK's cipher, opened with Tink's). The streaming
 * primitive allocates two 1 MiB segment buffers per stream
 * whatever the content size, which made up nine tenths of the server's allocations in the text
 * share benchmark.
 */
@Component
public final class ContentCipher {

    /** The first byte of a stream sealed in {@link #SEGMENT_BYTES} segments. */
    static final int SMALL_SEGMENTS = 2;

    /** Ciphertext segment size: 64 KiB, one tag (16 bytes) per segment, 0.02% overhead. */
    static final int SEGMENT_BYTES = 64 * 1024;

    private static final AesGcmHkdfStreamingParameters SMALL;

    static {
        try {
            SMALL = AesGcmHkdfStreamingParameters.builder()
                    .setKeySizeBytes(32)
                    .setDerivedAesGcmKeySizeBytes(32)
                    .setHkdfHashType(AesGcmHkdfStreamingParameters.HashType.SHA256)
                    .setCiphertextSegmentSizeBytes(SEGMENT_BYTES)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    public OutputStream encrypting(DataKey key, OutputStream ciphertext, String shareId) throws IOException {
        try {
            StreamingAead primitive = primitive(key, SMALL);
            ciphertext.write(SMALL_SEGMENTS);
            return primitive.newEncryptingStream(ciphertext, context(shareId, SMALL_SEGMENTS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("streaming AEAD is not available", e);
        }
    }

    /**
     * A stream of the plaintext. A read that fails because the ciphertext does not authenticate
     * (flipped, truncated or foreign bytes) throws {@link TamperedContentException}; a failure of
     * {@code ciphertext} itself is passed on as it is.
     */
    public InputStream decrypting(DataKey key, InputStream ciphertext, String shareId) throws IOException {
        SourceStream source = new SourceStream(ciphertext);
        InputStream plain;
        try {
            PushbackInputStream marked = new PushbackInputStream(source, 1);
            int first = marked.read();
            if (first == SMALL_SEGMENTS) {
                plain = primitive(key, SMALL).newDecryptingStream(marked, context(shareId, SMALL_SEGMENTS));
            } else {
                if (first >= 0) {
                    marked.unread(first);
                }
                plain = primitive(key, PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB)
                        .newDecryptingStream(marked, context(shareId, 1));
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("streaming AEAD is not available", e);
        }
        return new TamperCheckingStream(plain, source);
    }

    /**
     * Seals a small content in one piece; {@link #openWhole} reads it. The same bytes as Tink's
     * {@link AesGcmJce} (nonce, ciphertext, tag; the context as associated data), made by
     * {@link KeySealer#sealBytes} with the JDK's cipher and one shared {@code SecureRandom}: Tink
     * draws the nonce from a {@code SecureRandom} per thread, built again for every request on
     * virtual threads (8 % of JDK 25's CPU in the round-trip benchmark, bench/README.md).
     */
    public byte[] sealWhole(DataKey key, byte[] plain, String shareId) {
        byte[] material = key.copy();
        try {
            return KeySealer.sealBytes(material, plain, wholeContextText(shareId));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /**
     * A stream of the plaintext of a content sealed by {@link #sealWhole}. It is authenticated on
     * the first read, which throws {@link TamperedContentException} when it does not: as with a
     * stream, nothing is decrypted before the caller starts reading. Closing it overwrites the
     * plaintext.
     */
    public InputStream openWhole(DataKey key, byte[] sealed, String shareId) {
        byte[] material = key.copy();
        return new WholeStream(material, sealed, wholeContext(shareId));
    }

    private static StreamingAead primitive(DataKey key, AesGcmHkdfStreamingParameters parameters)
            throws GeneralSecurityException {
        byte[] material = key.copy();
        try {
            return AesGcmHkdfStreaming.create(AesGcmHkdfStreamingKey.create(parameters,
                    SecretBytes.copyFrom(material, InsecureSecretKeyAccess.get())));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    private static byte[] context(String shareId, int version) {
        return ("bar-share-content:v" + version + ":" + shareId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] wholeContext(String shareId) {
        return wholeContextText(shareId).getBytes(StandardCharsets.UTF_8);
    }

    private static String wholeContextText(String shareId) {
        return "bar-share-content:whole:v1:" + shareId;
    }

    private static final class WholeStream extends InputStream {
        private final byte[] material;
        private final byte[] sealed;
        private final byte[] context;
        private byte @Nullable [] plain;
        private boolean closed;
        private int position;

        WholeStream(byte[] material, byte[] sealed, byte[] context) {
            this.material = material;
            this.sealed = sealed;
            this.context = context;
        }

        private byte[] plain() throws IOException {
            if (closed) {
                throw new IOException("stream closed");
            }
            if (plain == null) {
                try {
                    plain = new AesGcmJce(material).decrypt(sealed, context);
                } catch (GeneralSecurityException e) {
                    throw new TamperedContentException(e);
                } finally {
                    Arrays.fill(material, (byte) 0);
                }
            }
            return plain;
        }

        @Override
        public int read() throws IOException {
            byte[] p = plain();
            return position < p.length ? p[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            byte[] p = plain();
            if (len == 0) {
                return 0;
            }
            if (position >= p.length) {
                return -1;
            }
            int n = Math.min(len, p.length - position);
            System.arraycopy(p, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            closed = true;
            Arrays.fill(material, (byte) 0);
            if (plain != null) {
                Arrays.fill(plain, (byte) 0);
            }
        }
    }

    /** Remembers whether the storage under the cipher failed, to tell a disk error from tampering. */
    private static final class SourceStream extends FilterInputStream {
        private volatile boolean failed;

        SourceStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                failed = true;
                throw e;
            }
        }
    }

    private static final class TamperCheckingStream extends FilterInputStream {
        private final SourceStream source;

        TamperCheckingStream(InputStream plain, SourceStream source) {
            super(plain);
            this.source = source;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw classify(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw classify(e);
            }
        }

        private IOException classify(IOException e) {
            return source.failed ? e : new TamperedContentException(e);
        }

        @Override
        public void close() throws IOException {
            source.close();
            super.close();
        }
    }
}
