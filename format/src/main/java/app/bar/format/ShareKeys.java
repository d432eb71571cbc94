package app.bar.format;

import com.google.crypto.tink.subtle.Hkdf;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The keys of one zero-knowledge share, derived from the link key (32 random bytes that travel
 * only in the link's fragment) and, optionally, a password (docs/zero-knowledge-format.md):
 *
 * <pre>
 * salt        = HKDF-SHA256(ikm = linkKey, salt = "", info = "bar/v1/password-salt", 16)
 * passwordKey = PBKDF2-HMAC-SHA256(NFC(password) as UTF-8, salt, 600 000 iterations, 32)
 * contentKey  = HKDF-SHA256(ikm = linkKey,               info = "bar/v1/content", 32)              no password
 *             = HKDF-SHA256(ikm = linkKey || passwordKey, info = "bar/v1/content-with-password", 32) password
 * accessKey   = HKDF-SHA256(ikm = passwordKey,           info = "bar/v1/access", 32)
 * verifier    = base64url(SHA-256(accessKey))
 * linkAccessKey = HKDF-SHA256(ikm = linkKey,             info = "bar/v1/link-access", 32)     every share
 * linkVerifier  = base64url(SHA-256(linkAccessKey))
 * </pre>
 *
 * The server receives the verifiers at creation and the access keys at unlock: it can enforce
 * attempt limits without learning the password, refuse a damaged link before a view is spent
 * (issue 13 item 1), and no value it holds opens the content.
 */
public final class ShareKeys {

    public static final int LINK_KEY_BYTES = 32;
    public static final int PBKDF2_ITERATIONS = 600_000;

    private static final String HMAC = "HMACSHA256";
    private static final byte[] NO_SALT = new byte[0];
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] contentKey;
    private final byte[] accessKey;
    private final byte[] linkAccessKey;

    private ShareKeys(byte[] contentKey, byte[] accessKey, byte[] linkAccessKey) {
        this.contentKey = contentKey;
        this.accessKey = accessKey;
        this.linkAccessKey = linkAccessKey;
    }

    /** A fresh random link key. */
    public static byte[] newLinkKey() {
        byte[] key = new byte[LINK_KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Keys for a share without a password. */
    public static ShareKeys derive(byte[] linkKey) throws GeneralSecurityException {
        requireLinkKey(linkKey);
        return new ShareKeys(hkdf(linkKey, "bar/v1/content", 32), null, linkAccessKey(linkKey));
    }

    /** Keys for a share bound to {@code password} (normalised to NFC, otherwise used exactly as given). */
    public static ShareKeys derive(byte[] linkKey, char[] password) throws GeneralSecurityException {
        requireLinkKey(linkKey);
        byte[] salt = hkdf(linkKey, "bar/v1/password-salt", 16);
        char[] normalised = Normalizer.normalize(java.nio.CharBuffer.wrap(password), Normalizer.Form.NFC).toCharArray();
        PBEKeySpec spec = new PBEKeySpec(normalised, salt, PBKDF2_ITERATIONS, 256);
        byte[] passwordKey;
        try {
            passwordKey = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } finally {
            spec.clearPassword();
            Arrays.fill(normalised, '\0');
        }
        byte[] both = new byte[linkKey.length + passwordKey.length];
        System.arraycopy(linkKey, 0, both, 0, linkKey.length);
        System.arraycopy(passwordKey, 0, both, linkKey.length, passwordKey.length);
        ShareKeys keys = new ShareKeys(hkdf(both, "bar/v1/content-with-password", 32), hkdf(passwordKey, "bar/v1/access", 32),
                linkAccessKey(linkKey));
        Arrays.fill(both, (byte) 0);
        Arrays.fill(passwordKey, (byte) 0);
        return keys;
    }

    public byte[] contentKey() {
        return contentKey.clone();
    }

    public boolean passwordBound() {
        return accessKey != null;
    }

    /** The access key (sent at unlock, base64url); only for password-bound shares. */
    public String accessKey() {
        requirePassword();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(accessKey);
    }

    /** The access verifier (sent at creation, base64url of SHA-256 of the access key). */
    public String accessVerifier() throws GeneralSecurityException {
        requirePassword();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(accessKey));
    }

    /** The link access key (sent at unlock, base64url): proves the link is whole before a view is spent. */
    public String linkAccessKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(linkAccessKey);
    }

    /** The link verifier (sent at creation, base64url of SHA-256 of the link access key); every share has one. */
    public String linkVerifier() throws GeneralSecurityException {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(linkAccessKey));
    }

    @Override
    public String toString() {
        return "ShareKeys[passwordBound=" + passwordBound() + "]";
    }

    private void requirePassword() {
        if (accessKey == null) {
            throw new IllegalStateException("only a password-bound share has an access key");
        }
    }

    private static byte[] linkAccessKey(byte[] linkKey) throws GeneralSecurityException {
        return hkdf(linkKey, "bar/v1/link-access", 32);
    }

    private static byte[] hkdf(byte[] ikm, String info, int size) throws GeneralSecurityException {
        return Hkdf.computeHkdf(HMAC, ikm, NO_SALT, info.getBytes(StandardCharsets.US_ASCII), size);
    }

    private static void requireLinkKey(byte[] linkKey) {
        if (linkKey.length != LINK_KEY_BYTES) {
            throw new IllegalArgumentException("a link key is " + LINK_KEY_BYTES + " bytes, was " + linkKey.length);
        }
    }
}
