package app.bar.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Stores opaque blobs (BAR only ever writes ciphertext). A blob becomes visible only when
 * its writer commits, so a crash mid-upload leaves no half blob under a real id.
 */
public interface BlobStore {

    /** Starts a new blob under a fresh random id; nothing is visible until {@link BlobWriter#commit()}. */
    BlobWriter create() throws IOException;

    /** Opens a committed blob; throws {@link java.nio.file.NoSuchFileException} when there is none. */
    InputStream open(BlobId id) throws IOException;

    /** Removes a blob; {@code false} when it did not exist. */
    boolean delete(BlobId id) throws IOException;

    /** Calls {@code action} with every committed blob and the time it was written. */
    void forEach(Consumer<StoredBlob> action) throws IOException;

    /** Removes uncommitted writes older than {@code before} (abandoned by a crash); returns how many. */
    int purgeIncomplete(Instant before) throws IOException;

    /** Whether blobs can be written now (readiness). */
    boolean isReady();

    /** A blob being written: write to {@link #stream()}, then {@link #commit()}; closing without a commit discards it. */
    interface BlobWriter extends AutoCloseable {

        BlobId id();

        OutputStream stream();

        /** Flushes to stable storage and makes the blob visible under {@link #id()}. */
        void commit() throws IOException;

        @Override
        void close() throws IOException;
    }

    record StoredBlob(BlobId id, Instant writtenAt) {
    }
}
