package app.bar.storage;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Times every call to the blob store ({@code bar.storage.operations}, tagged by operation and
 * outcome; docs/operations.md#metrics), whichever store it is. A write is timed at its
 * {@code create} and its {@code commit} (the upload's own bytes pace with the client, not the
 * store); {@code open} is the time to the first byte's availability, not the whole read.
 */
final class TimedBlobStore implements BlobStore, AutoCloseable {

    private static final String METER = "bar.storage.operations";

    private final BlobStore delegate;
    private final MeterRegistry meters;

    TimedBlobStore(BlobStore delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
        for (String operation : new String[] {"create", "commit", "open", "delete"}) {
            timer(operation, "ok");
            timer(operation, "error");
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException;
    }

    private <T> T timed(String operation, Call<T> call) throws IOException {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = call.run();
            outcome = "ok";
            return result;
        } finally {
            timer(operation, outcome).record(System.nanoTime() - start, java.util.concurrent.TimeUnit.NANOSECONDS);
        }
    }

    private Timer timer(String operation, String outcome) {
        return Timer.builder(METER).description("Blob store calls").tag("operation", operation).tag("outcome", outcome)
                .register(meters);
    }

    @Override
    public BlobWriter create() throws IOException {
        return new TimedWriter(timed("create", delegate::create));
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        return timed("open", () -> delegate.open(id));
    }

    @Override
    public boolean delete(BlobId id) throws IOException {
        return timed("delete", () -> delegate.delete(id));
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) throws IOException {
        delegate.forEach(action);
    }

    @Override
    public int purgeIncomplete(Instant before) throws IOException {
        return delegate.purgeIncomplete(before);
    }

    @Override
    public boolean isReady() {
        return delegate.isReady();
    }

    /** Closes the store it times (the S3 store's client), as the context would have closed it. */
    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }

    /** The store's own writer, its commit timed. */
    private final class TimedWriter implements BlobWriter {

        private final BlobWriter writer;

        TimedWriter(BlobWriter writer) {
            this.writer = writer;
        }

        @Override
        public BlobId id() {
            return writer.id();
        }

        @Override
        public OutputStream stream() {
            return writer.stream();
        }

        @Override
        public void commit() throws IOException {
            timed("commit", () -> {
                writer.commit();
                return null;
            });
        }

        @Override
        public void close() throws IOException {
            writer.close();
        }
    }
}
