/** Blob storage for share contents (ciphertext only): the {@link app.bar.storage.BlobStore} port and its filesystem implementation. */
@ApplicationModule(allowedDependencies = "platform")
@NullMarked
package app.bar.storage;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
