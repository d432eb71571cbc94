package app.bar.platform.secrets;

import java.security.MessageDigest;

/**
 * Key material or another secret byte string, in the manner of Tink's {@code SecretBytes}:
 * private constructor, copies in and out, a {@code toString()} that prints nothing secret, and
 * equality in constant time.
 */
public final class SecretBytes {

    private final byte[] bytes;

    private SecretBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    public static SecretBytes copyOf(byte[] bytes) {
        return new SecretBytes(bytes.clone());
    }

    public static SecretBytes random(int length) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be at least 1, was " + length);
        }
        byte[] bytes = new byte[length];
        StrongRandom.current().nextBytes(bytes);
        return new SecretBytes(bytes);
    }

    public byte[] toByteArray() {
        return bytes.clone();
    }

    public int size() {
        return bytes.length;
    }

    public boolean equalsSecretBytes(SecretBytes other) {
        return MessageDigest.isEqual(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretBytes that && equalsSecretBytes(that);
    }

    @Override
    public int hashCode() {
        return bytes.length; // content-free, so hashing never touches the secret
    }

    @Override
    public String toString() {
        return "SecretBytes[" + bytes.length + " bytes]";
    }
}
