package app.bar.storage;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import java.nio.file.Path;

/** Production stores blobs in an absolute directory that every node shares (registered in {@code META-INF/spring.factories}). */
final class StorageProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        String blobDir = settings.value("bar.storage.dir");
        if (blobDir.isBlank() || !Path.of(blobDir).isAbsolute()) {
            settings.problem("BAR_BLOB_DIR", "must be an absolute path (a directory every node shares)");
        }
    }
}
