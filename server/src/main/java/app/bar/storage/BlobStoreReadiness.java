package app.bar.storage;

import app.bar.platform.health.ReadinessCheck;
import org.springframework.stereotype.Component;

/** {@code /readyz} fails while the blob directory cannot be written or the bucket cannot be reached. */
@Component
final class BlobStoreReadiness implements ReadinessCheck {

    private final BlobStore store;

    BlobStoreReadiness(BlobStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "blob-store";
    }

    @Override
    public boolean isReady() {
        return store.isReady();
    }
}
