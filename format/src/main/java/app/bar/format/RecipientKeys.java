package app.bar.format;

import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-recipient links (docs/zero-knowledge-format.md, "Per-recipient links"): the content is
 * sealed once with a random content key, and each recipient's link key wraps that content key:
 *
 * <pre>
 * contentKey   = 32 random bytes                                           seals the container as always
 * wrapKey_i    = HKDF-SHA256(ikm = linkKey_i, salt = "", info = "bar/v1/recipient-wrap", 32)
 * nonce_i      = 12 random bytes
 * wrappedKey_i = nonce_i || AES-256-GCM(wrapKey_i, nonce_i, aad = "bar/v1/recipient-key", contentKey)   (60 bytes)
 * </pre>
 *
 * Each recipient's link verifier is the ordinary one of its link key ({@link ShareKeys#linkVerifier()}).
 * The server stores each wrapped key with its recipient's share and hands it out only after that
 * link's verifier check passed; without a link key it opens nothing.
 */
public final class RecipientKeys {

    public static final int CONTENT_KEY_BYTES = 32;
    public static final int NONCE_BYTES = 12;
    public static final int TAG_BYTES = 16;
    public static final int WRAPPED_KEY_BYTES = NONCE_BYTES + CONTENT_KEY_BYTES + TAG_BYTES;

    private static final byte[] NO_SALT = new byte[0];
    private static final byte[] WRAP_INFO = "bar/v1/recipient-wrap".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "bar/v1/recipient-key".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private RecipientKeys() {
    }

    /** A fresh random content key for a group of recipients. */
    public static byte[] newContentKey() {
        byte[] key = new byte[CONTENT_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** The key that wraps the content key for one link: HKDF of the link key with info "bar/v1/recipient-wrap". */
    public static byte[] wrapKey(byte[] linkKey) throws GeneralSecurityException {
        if (linkKey.length != ShareKeys.LINK_KEY_BYTES) {
            throw new GeneralSecurityException("a link key is " + ShareKeys.LINK_KEY_BYTES + " bytes");
        }
        return Hkdf.computeHkdf("HMACSHA256", linkKey, NO_SALT, WRAP_INFO, CONTENT_KEY_BYTES);
    }

    /** The content key wrapped for the holder of {@code linkKey}, under a fresh random nonce (60 bytes). */
    public static byte[] wrap(byte[] contentKey, byte[] linkKey) throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return wrap(contentKey, linkKey, nonce);
    }

    /** As {@link #wrap(byte[], byte[])} with the nonce given: for the test vectors only; clients draw it at random. */
    public static byte[] wrap(byte[] contentKey, byte[] linkKey, byte[] nonce) throws GeneralSecurityException {
        if (contentKey.length != CONTENT_KEY_BYTES || nonce.length != NONCE_BYTES) {
            throw new GeneralSecurityException("a content key is 32 bytes, a nonce 12");
        }
        byte[] sealed = cipher(Cipher.ENCRYPT_MODE, linkKey, nonce).doFinal(contentKey);
        byte[] wrapped = new byte[WRAPPED_KEY_BYTES];
        System.arraycopy(nonce, 0, wrapped, 0, NONCE_BYTES);
        System.arraycopy(sealed, 0, wrapped, NONCE_BYTES, sealed.length);
        return wrapped;
    }

    /**
     * The content key from a recipient's wrapped key and link key. A wrapped key of another
     * length, a wrong link key or an altered byte all throw: the link key is wrong or the share altered.
     */
    public static byte[] unwrap(byte[] wrappedKey, byte[] linkKey) throws GeneralSecurityException {
        if (wrappedKey.length != WRAPPED_KEY_BYTES) {
            throw new GeneralSecurityException("a wrapped key is " + WRAPPED_KEY_BYTES + " bytes");
        }
        byte[] nonce = Arrays.copyOfRange(wrappedKey, 0, NONCE_BYTES);
        return cipher(Cipher.DECRYPT_MODE, linkKey, nonce).doFinal(wrappedKey, NONCE_BYTES, wrappedKey.length - NONCE_BYTES);
    }

    private static Cipher cipher(int mode, byte[] linkKey, byte[] nonce) throws GeneralSecurityException {
        byte[] wrapKey = wrapKey(linkKey);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(wrapKey, "AES"), new GCMParameterSpec(TAG_BYTES * 8, nonce));
            cipher.updateAAD(AAD);
            return cipher;
        } finally {
            Arrays.fill(wrapKey, (byte) 0);
        }
    }
}
