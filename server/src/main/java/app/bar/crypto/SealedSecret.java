package app.bar.crypto;

import java.util.Objects;

/**
 * A small secret as stored: AES-256-GCM ciphertext (base64url) under the master key {@code kid}.
 * Holds nothing secret itself: without the master key it is noise.
 */
public record SealedSecret(String kid, String value) {

    public SealedSecret {
        Objects.requireNonNull(kid);
        Objects.requireNonNull(value);
    }
}
