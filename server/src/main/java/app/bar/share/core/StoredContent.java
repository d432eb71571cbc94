package app.bar.share.core;

import app.bar.storage.BlobId;
import org.jspecify.annotations.Nullable;

/**
 * Where a share's sealed content is and what it is served as: a text's ciphertext in the row
 * ({@code inline}, see {@link InlineContent}), a file's in the blob store ({@code blob}, set once
 * the upload completed), the sanitised download name, the sniffed type and the plaintext size.
 */
public record StoredContent(@Nullable String filename, @Nullable String contentType, @Nullable Long sizeBytes,
        @Nullable BlobId blob, @Nullable String inline) {

    @Override
    public String toString() {
        return "StoredContent[" + (inline != null ? "inline" : blob != null ? "blob" : "none") + "]";
    }
}
