package app.bar.storage;

import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code dir}: where blobs live ({@code BAR_BLOB_DIR}); in production a directory every node shares. */
@ConfigurationProperties("bar.storage")
@Validated
public record StorageProperties(@NotNull Path dir) {
}
