package app.bar.crypto;

import com.google.crypto.tink.subtle.AesGcmJce;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Seals a data key under a 256-bit key-encryption key with AES-256-GCM (Tink's {@link AesGcmJce}:
 * random 96-bit nonce, 128-bit tag). The {@code context} is bound as associated data, so a sealed
 * key copied to another share or another purpose does not open.
 */
public final class KeySealer {

    private KeySealer() {
    }

    public static byte[] seal(byte[] kek, DataKey key, String context) {
        byte[] plain = key.copy();
        try {
            return new AesGcmJce(kek).encrypt(plain, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    /** Opens a sealed key; {@link WrongSecretException} when the key or context does not match. */
    public static DataKey open(byte[] kek, byte[] sealed, String context) {
        return DataKey.adopt(openBytes(kek, sealed, context));
    }

    static byte[] sealBytes(byte[] kek, byte[] plain, String context) {
        try {
            return new AesGcmJce(kek).encrypt(plain, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    static byte[] openBytes(byte[] kek, byte[] sealed, String context) {
        AesGcmJce cipher;
        try {
            cipher = new AesGcmJce(kek);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
        try {
            return cipher.decrypt(sealed, context.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new WrongSecretException();
        }
    }
}
