package app.bar.share.core;

import app.bar.storage.BlobId;
import app.bar.storage.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Shares' secrets blobs ({@link ShareSecrets}) in the {@link BlobStore}: one small blob per share,
 * written once (a new key means a new blob), deleted when the share is destroyed. A blob that is
 * gone reads as empty: its share was destroyed meanwhile.
 */
@Component
public class ShareSecretsStore {

    private static final Logger log = LoggerFactory.getLogger(ShareSecretsStore.class);

    private final BlobStore blobs;

    ShareSecretsStore(BlobStore blobs) {
        this.blobs = blobs;
    }

    public BlobId write(ShareSecrets secrets) {
        try (BlobStore.BlobWriter writer = blobs.create()) {
            writer.stream().write(secrets.encode());
            writer.commit();
            return writer.id();
        } catch (IOException e) {
            throw new UncheckedIOException("the secrets blob could not be written", e);
        }
    }

    public Optional<ShareSecrets> read(BlobId id) {
        try (InputStream in = blobs.open(id)) {
            return Optional.of(ShareSecrets.decode(in.readAllBytes()));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("the secrets blob could not be read", e);
        }
    }

    /**
     * Deletes a secrets blob; false when that failed (the clean-up removes it later as an orphan,
     * since no live row names it any more).
     */
    public boolean delete(BlobId id) {
        try {
            blobs.delete(id);
            return true;
        } catch (IOException e) {
            log.warn("share.secrets_delete_failed error={}", e.getClass().getSimpleName());
            return false;
        }
    }
}
