package app.bar.crypto;

import app.bar.platform.secrets.SecretBytes;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption of a share's data key. The outer layer is AES-256-GCM under the newest
 * master key; for password shares an inner layer under the Argon2id key of the password sits
 * inside it, so database + blobs + master keys together still cannot open such a share.
 * Both layers bind the share id (and the outer one the key id) as associated data.
 */
@Component
public final class Envelope {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();

    private final MasterKeys masterKeys;

    Envelope(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    public SealedKey seal(String shareId, DataKey key, @Nullable SecretBytes passwordKey) {
        byte[] inner = passwordKey == null ? key.copy()
                : KeySealer.seal(passwordKey.toByteArray(), key, passwordContext(shareId));
        try {
            return outer(shareId, inner, passwordKey != null);
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    /**
     * Opens a sealed key. {@link WrongSecretException} when the password layer does not open
     * (wrong password, or none given for a password share).
     */
    public DataKey open(String shareId, SealedKey sealed, @Nullable SecretBytes passwordKey) {
        byte[] inner = KeySealer.openBytes(masterKeys.find(sealed.kid()), B64D.decode(sealed.value()),
                masterContext(shareId, sealed.kid()));
        if (!sealed.passwordLayer()) {
            return DataKey.adopt(inner);
        }
        if (passwordKey == null) {
            throw new WrongSecretException();
        }
        return KeySealer.open(passwordKey.toByteArray(), inner, passwordContext(shareId));
    }

    /** The same key sealed under the newest master key; empty when it already is. The password layer is untouched. */
    public Optional<SealedKey> rewrap(String shareId, SealedKey sealed) {
        if (sealed.kid().equals(masterKeys.newestKid())) {
            return Optional.empty();
        }
        byte[] inner = KeySealer.openBytes(masterKeys.find(sealed.kid()), B64D.decode(sealed.value()),
                masterContext(shareId, sealed.kid()));
        try {
            return Optional.of(outer(shareId, inner, sealed.passwordLayer()));
        } finally {
            Arrays.fill(inner, (byte) 0);
        }
    }

    public String newestKid() {
        return masterKeys.newestKid();
    }

    private SealedKey outer(String shareId, byte[] inner, boolean passwordLayer) {
        String kid = masterKeys.newestKid();
        byte[] sealed = KeySealer.sealBytes(masterKeys.newest(), inner, masterContext(shareId, kid));
        return new SealedKey(kid, B64.encodeToString(sealed), passwordLayer);
    }

    private static String masterContext(String shareId, String kid) {
        return "bar-share-key:v1:" + shareId + ":" + kid;
    }

    private static String passwordContext(String shareId) {
        return "bar-share-password:v1:" + shareId;
    }
}
