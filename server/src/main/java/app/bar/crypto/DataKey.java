package app.bar.crypto;

import app.bar.platform.secrets.StrongRandom;
import java.util.Arrays;

/**
 * A share's own 256-bit content key. Lives only in memory while a share is written or read;
 * {@link #destroy()} overwrites it. {@code toString()} prints nothing secret.
 */
public final class DataKey implements AutoCloseable {

    static final int SIZE = 32;

    private final byte[] bytes;

    private DataKey(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a data key is 32 bytes, was " + bytes.length);
        }
        this.bytes = bytes;
    }

    public static DataKey random() {
        byte[] b = new byte[SIZE];
        StrongRandom.current().nextBytes(b);
        return new DataKey(b);
    }

    static DataKey adopt(byte[] bytes) {
        return new DataKey(bytes);
    }

    byte[] copy() {
        return bytes.clone();
    }

    /**
     * HMAC-SHA256 under a key derived from this one for {@code purpose} (itself an HMAC of the
     * purpose under this key, so each purpose has its own key). What is keyed so dies with the
     * share's key: a stored MAC of a guessable value (an email) cannot be tested once the key is gone.
     */
    public byte[] mac(String purpose, byte[] message) {
        byte[] derived = hmac(bytes, ("bar-data-key-mac:v1:" + purpose).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return hmac(derived, message);
        } finally {
            Arrays.fill(derived, (byte) 0);
        }
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    /** Overwrites the key material; the key is unusable afterwards. */
    public void destroy() {
        Arrays.fill(bytes, (byte) 0);
    }

    @Override
    public void close() {
        destroy();
    }

    @Override
    public String toString() {
        return "DataKey[hidden]";
    }
}
