package app.bar.share.core;

import app.bar.storage.BlobId;
import org.jspecify.annotations.Nullable;

/**
 * Where a share's sealed content is and what it is served as: a text's ciphertext ({@code inline},
 * see {@link InlineContent}), a file's in the blob store ({@code blob}, set once the upload
 * completed), the sanitised download name, the sniffed type and the plaintext size. The name and
 * the inline ciphertext come from the share's secrets blob ({@code secrets}, see
 * {@link ShareSecrets}); rows from before it hold them themselves.
 */
public record StoredContent(@Nullable String filename, @Nullable String contentType, @Nullable Long sizeBytes,
        @Nullable BlobId blob, @Nullable String inline, @Nullable BlobId secrets) {

    /** The same content, its name and inline ciphertext taken from the secrets blob {@code id}. */
    public StoredContent withSecrets(BlobId id, ShareSecrets s) {
        return new StoredContent(s.filename(), contentType, sizeBytes, blob, s.inline(), id);
    }

    @Override
    public String toString() {
        return "StoredContent[" + (inline != null ? "inline" : blob != null ? "blob" : "none") + "]";
    }
}
