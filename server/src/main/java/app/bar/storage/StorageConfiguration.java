package app.bar.storage;

import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link BlobStore} of the application, chosen by {@code bar.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(StorageProperties properties, Clock clock) throws IOException {
        return switch (properties.type()) {
            case FILESYSTEM -> new FileSystemBlobStore(properties.requireDir());
            case S3 -> S3BlobStore.connect(properties.s3(), clock);
        };
    }
}
