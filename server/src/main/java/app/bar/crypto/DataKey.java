package app.bar.crypto;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * A share's own 256-bit content key. Lives only in memory while a share is written or read;
 * {@link #destroy()} overwrites it. {@code toString()} prints nothing secret.
 */
public final class DataKey implements AutoCloseable {

    static final int SIZE = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] bytes;

    private DataKey(byte[] bytes) {
        if (bytes.length != SIZE) {
            throw new IllegalArgumentException("a data key is 32 bytes, was " + bytes.length);
        }
        this.bytes = bytes;
    }

    public static DataKey random() {
        byte[] b = new byte[SIZE];
        RANDOM.nextBytes(b);
        return new DataKey(b);
    }

    static DataKey adopt(byte[] bytes) {
        return new DataKey(bytes);
    }

    byte[] copy() {
        return bytes.clone();
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
