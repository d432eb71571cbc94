package app.bar.crypto;

import java.util.Objects;

/**
 * A data key as stored: AES-256-GCM ciphertext (base64url) under the master key {@code kid},
 * with, for password shares, a second layer under the password's Argon2id key inside it.
 * Holds no secret: without the master key (and the password) it is noise.
 */
public record SealedKey(String kid, String value, boolean passwordLayer) {

    public SealedKey {
        Objects.requireNonNull(kid);
        Objects.requireNonNull(value);
    }
}
