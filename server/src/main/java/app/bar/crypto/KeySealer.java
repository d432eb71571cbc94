package app.bar.crypto;

import app.bar.platform.secrets.StrongRandom;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Seals a data key under a 256-bit key-encryption key with AES-256-GCM: a random 96-bit nonce, a
 * 128-bit tag, and the output {@code nonce || ciphertext || tag} — byte for byte the format of
 * Tink's {@code AesGcmJce}, which sealed every key stored before (KeySealerTests opens each with
 * the other). The {@code context} is bound as associated data, so a sealed key copied to another
 * share or another purpose does not open.
 *
 * <p>The JDK's cipher is called directly rather than through Tink's {@code AesGcmJce} because
 * Tink keeps its {@code Cipher} and its {@code SecureRandom} in thread-locals: on virtual threads
 * (a new thread per request) both were built again for every request, 10% of the server's CPU in
 * the round-trip benchmark (JFR, bench/README.md). Here the nonce comes from {@link StrongRandom}
 * and the cipher is made per call, which is what Tink did per virtual thread anyway.
 */
public final class KeySealer {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;

    private KeySealer() {
    }

    public static byte[] seal(byte[] kek, DataKey key, String context) {
        byte[] plain = key.copy();
        try {
            return sealBytes(kek, plain, context);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /**
     * Opens a sealed key; {@link WrongSecretException} when the key or context does not match, or
     * when there is nothing to open (a stored text that was not base64).
     */
    public static DataKey open(byte[] kek, byte @Nullable [] sealed, String context) {
        return DataKey.adopt(openBytes(kek, sealed, context));
    }

    static byte[] sealBytes(byte[] kek, byte[] plain, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        StrongRandom.current().nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, kek, nonce, context);
            ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + cipher.getOutputSize(plain.length));
            out.put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plain), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] openBytes(byte[] kek, byte @Nullable [] sealed, String context) {
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new WrongSecretException();
        }
        Cipher cipher;
        try {
            cipher = cipher(Cipher.DECRYPT_MODE, kek, Arrays.copyOf(sealed, NONCE_BYTES), context);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        try {
            return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongSecretException();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed", e);
        }
    }

    private static Cipher cipher(int mode, byte[] kek, byte[] nonce, String context) throws GeneralSecurityException {
        if (kek.length != KEY_BYTES) {
            throw new IllegalArgumentException("the key-encryption key must be 256 bits");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        cipher.init(mode, new SecretKeySpec(kek, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
