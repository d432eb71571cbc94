package app.bar.storage;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;
import java.nio.file.Path;

/**
 * Production's rules for the blob store (registered in {@code META-INF/spring.factories}): a
 * directory store needs an absolute directory every node shares; an S3 store needs what
 * {@link StorageProductionChecks} lists (bucket, https endpoint, keys set together).
 */
final class StorageProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        StorageProductionChecks.check(settings::value, settings::problem);
        boolean blobsInBucket = settings.value("bar.storage.type").strip().equalsIgnoreCase("s3");
        String blobDir = settings.value("bar.storage.dir");
        if (!blobsInBucket && (blobDir.isBlank() || !Path.of(blobDir).isAbsolute())) {
            settings.problem("BAR_BLOB_DIR", "must be an absolute path (a directory every node shares)");
        }
    }
}
