package app.bar.share.core;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import org.jspecify.annotations.Nullable;

/**
 * A share's key and what checks its secrets: the data key sealed under the master ring (and the
 * password's key when {@code kdf} is set), and for zero-knowledge shares the SHA-256 of the access
 * key and of the link access key (which proves the link is whole); for a member of a group of
 * per-recipient links, {@code recipientKey}: the content key wrapped under its recipient's link
 * key (base64url, opaque to the server), handed to a reader whose link passed. All gone once the
 * share is shredded. None is secret, but none is printed.
 */
public record ShareKeys(@Nullable SealedKey sealedKey, @Nullable KdfParams kdf, @Nullable String accessVerifier,
        @Nullable String linkVerifier, @Nullable String recipientKey) {

    /** What a shredded share keeps. */
    public static final ShareKeys NONE = new ShareKeys(null, null, null, null, null);

    public boolean hasKey() {
        return sealedKey != null;
    }

    /** The sealed data key of a share that still has one. */
    public SealedKey sealed() {
        if (sealedKey == null) {
            throw new IllegalStateException("share has no key");
        }
        return sealedKey;
    }

    @Override
    public String toString() {
        return "ShareKeys[" + (sealedKey == null ? "none" : sealedKey.kid()) + "]";
    }
}
