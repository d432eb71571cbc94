package app.bar.storage;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link BlobStore} of the application, chosen by {@code bar.storage.type}. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    BlobStore blobStore(StorageProperties properties, MeterRegistry meters, Clock clock) throws IOException {
        Counter full = meters.counter("bar.storage.full");
        BlobStore store = switch (properties.type()) {
            case FILESYSTEM -> new FileSystemBlobStore(properties.requireDir(), full::increment);
            case S3 -> S3BlobStore.connect(properties.s3(), clock);
        };
        return new TimedBlobStore(store, meters);
    }
}
