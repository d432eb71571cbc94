package app.bar.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ContentCipherTests {

    private final ContentCipher cipher = new ContentCipher();
    private final DataKey key = DataKey.random();

    private byte[] seal(byte[] plain, String shareId) throws IOException {
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        try (OutputStream out = cipher.encrypting(key, sealed, shareId)) {
            out.write(plain);
        }
        return sealed.toByteArray();
    }

    private byte[] open(byte[] sealed, String shareId) throws IOException {
        try (InputStream in = cipher.decrypting(key, new ByteArrayInputStream(sealed), shareId)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    @Test
    void decryptWhenSeveralSegmentsThenSameBytes() throws IOException {
        byte[] plain = random(2 * 1024 * 1024 + 123);
        assertThat(open(seal(plain, "s"), "s")).isEqualTo(plain);
    }

    @Test
    void decryptWhenEmptyThenEmpty() throws IOException {
        assertThat(open(seal(new byte[0], "s"), "s")).isEmpty();
    }

    @Test
    void decryptWhenByteFlippedThenTamperDetected() throws IOException {
        byte[] sealed = seal(random(3 * 1024 * 1024), "s");
        sealed[2 * 1024 * 1024 + 500] ^= 1;
        assertThatThrownBy(() -> open(sealed, "s")).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void decryptWhenTruncatedAtSegmentBoundaryThenTamperDetected() throws IOException {
        byte[] sealed = seal(random(3 * 1024 * 1024), "s");
        assertThatThrownBy(() -> open(Arrays.copyOf(sealed, 1024 * 1024 + 40), "s"))
                .isInstanceOf(TamperedContentException.class);
    }

    @Test
    void decryptWhenBlobOfAnotherShareThenTamperDetected() throws IOException {
        byte[] sealed = seal(random(1000), "share-a");
        assertThatThrownBy(() -> open(sealed, "share-b")).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void decryptWhenStorageFailsThenPlainIoExceptionNotTamper() throws IOException {
        byte[] sealed = seal(random(3 * 1024 * 1024), "s");
        InputStream failing = new FilterInputStream(new ByteArrayInputStream(sealed)) {
            private int read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read > 1024 * 1024) {
                    throw new IOException("disk gone");
                }
                int n = super.read(b, off, len);
                read += Math.max(n, 0);
                return n;
            }
        };
        InputStream in = cipher.decrypting(key, failing, "s");
        assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class)
                .isNotInstanceOf(TamperedContentException.class);
    }

    @Test
    void encryptWhenPlaintextHasMarkerThenCiphertextDoesNot() throws IOException {
        byte[] plain = "MARKER-MARKER-MARKER-MARKER".repeat(1000).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sealed = new String(seal(plain, "s"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("MARKER");
    }

    @Test
    void openWholeWhenSealedWholeThenSameBytes() throws IOException {
        byte[] plain = random(70_000);
        try (InputStream in = cipher.openWhole(key, cipher.sealWhole(key, plain, "s"), "s")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void openWholeWhenSealedByTinksAesGcmJceAsBeforeThenSameBytes() throws Exception {
        // texts stored before sealWhole moved to the JDK's cipher were sealed by Tink: they must still open
        byte[] plain = random(500);
        byte[] sealed = new com.google.crypto.tink.subtle.AesGcmJce(key.copy())
                .encrypt(plain, "bar-share-content:whole:v1:s".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (InputStream in = cipher.openWhole(key, sealed, "s")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
    }

    @Test
    void sealWholeMakesWhatTinksAesGcmJceOpens() throws Exception {
        byte[] plain = random(500);
        byte[] opened = new com.google.crypto.tink.subtle.AesGcmJce(key.copy()).decrypt(cipher.sealWhole(key, plain, "s"),
                "bar-share-content:whole:v1:s".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(opened).isEqualTo(plain);
    }

    @Test
    void openWholeWhenByteFlippedThenTamperDetectedOnFirstRead() throws IOException {
        byte[] sealed = cipher.sealWhole(key, random(100), "s");
        sealed[40] ^= 1;
        InputStream in = cipher.openWhole(key, sealed, "s");
        assertThatThrownBy(in::read).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void openWholeWhenSealedForAnotherShareThenTamperDetected() {
        byte[] sealed = cipher.sealWhole(key, random(100), "share-a");
        InputStream in = cipher.openWhole(key, sealed, "share-b");
        assertThatThrownBy(in::readAllBytes).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void openWholeWhenStreamingCiphertextThenTamperDetected() throws IOException {
        byte[] streamed = seal(random(100), "s");
        InputStream in = cipher.openWhole(key, streamed, "s");
        assertThatThrownBy(in::readAllBytes).isInstanceOf(TamperedContentException.class);
    }

    @Test
    void sealWholeWhenPlaintextHasMarkerThenCiphertextDoesNot() {
        byte[] plain = "MARKER-MARKER".repeat(100).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String sealed = new String(cipher.sealWhole(key, plain, "s"), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(sealed).doesNotContain("MARKER");
    }

    @Test
    void readWhenWholeStreamClosedThenRefused() throws IOException {
        InputStream in = cipher.openWhole(key, cipher.sealWhole(key, random(10), "s"), "s");
        in.close();
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }

    @Test
    void encryptWhenSealedThenSmallSegmentsMarkedFirst() throws IOException {
        byte[] sealed = seal(random(3 * ContentCipher.SEGMENT_BYTES), "s");
        assertThat(sealed[0]).isEqualTo((byte) ContentCipher.SMALL_SEGMENTS);
        assertThat(sealed.length).as("one tag per 64 KiB segment, not per 1 MiB")
                .isGreaterThan(3 * ContentCipher.SEGMENT_BYTES + 3 * 16);
    }

    @Test
    void decryptWhenSealedInOneMebibyteSegmentsBeforeThenStillRead() throws Exception {
        byte[] plain = random(2 * 1024 * 1024 + 7);
        ByteArrayOutputStream sealed = new ByteArrayOutputStream();
        byte[] material = key.copy();
        com.google.crypto.tink.StreamingAead before = com.google.crypto.tink.subtle.AesGcmHkdfStreaming.create(
                com.google.crypto.tink.streamingaead.AesGcmHkdfStreamingKey.create(
                        com.google.crypto.tink.streamingaead.PredefinedStreamingAeadParameters.AES256_GCM_HKDF_1MB,
                        com.google.crypto.tink.util.SecretBytes.copyFrom(material,
                                com.google.crypto.tink.InsecureSecretKeyAccess.get())));
        try (OutputStream out = before.newEncryptingStream(sealed,
                "bar-share-content:v1:s".getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            out.write(plain);
        }
        assertThat(open(sealed.toByteArray(), "s")).isEqualTo(plain);
    }

    @Test
    void decryptWhenSegmentMarkerRemovedThenTamperDetected() throws IOException {
        byte[] sealed = seal(random(1000), "s");
        assertThatThrownBy(() -> open(Arrays.copyOfRange(sealed, 1, sealed.length), "s"))
                .isInstanceOf(TamperedContentException.class);
    }
}
