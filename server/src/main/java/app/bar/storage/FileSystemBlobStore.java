package app.bar.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Blobs as files: {@code <dir>/blobs/<first two chars>/<id>}, written to {@code <dir>/tmp/<id>.part},
 * forced to disk and renamed into place atomically on commit. Files are owner-only.
 */
final class FileSystemBlobStore implements BlobStore {

    private static final Logger log = LoggerFactory.getLogger(FileSystemBlobStore.class);

    /** Below this much usable space a failed write is taken for a full disk. */
    private static final long MIN_FREE_BYTES = 1024 * 1024;

    private final Path blobs;
    private final Path tmp;
    private final Runnable onFull;

    FileSystemBlobStore(Path dir) throws IOException {
        this(dir, () -> { });
    }

    /** {@code onFull} is told each time a write fails because the disk is full (a meter). */
    FileSystemBlobStore(Path dir, Runnable onFull) throws IOException {
        this.onFull = onFull;
        Path root = dir.toAbsolutePath().normalize();
        this.blobs = root.resolve("blobs");
        this.tmp = root.resolve("tmp");
        Files.createDirectories(blobs);
        Files.createDirectories(tmp);
    }

    @Override
    public BlobWriter create() throws IOException {
        BlobId id = BlobId.random();
        Path part = tmp.resolve(id.value() + ".part");
        FileChannel channel = FileChannel.open(part, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        return new FileWriter(id, part, channel);
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        return Files.newInputStream(pathOf(id));
    }

    @Override
    public boolean delete(BlobId id) throws IOException {
        return Files.deleteIfExists(pathOf(id));
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) throws IOException {
        try (DirectoryStream<Path> shards = Files.newDirectoryStream(blobs)) {
            for (Path shard : shards) {
                try (Stream<Path> files = Files.list(shard)) {
                    files.forEach(f -> {
                        String name = String.valueOf(f.getFileName());
                        if (BlobId.isValid(name)) {
                            try {
                                action.accept(new StoredBlob(new BlobId(name), Files.getLastModifiedTime(f).toInstant()));
                            } catch (NoSuchFileException gone) {
                                // deleted while we listed: nothing to report
                            } catch (IOException e) {
                                log.warn("blob.stat_failed error={}", e.getClass().getSimpleName());
                            }
                        }
                    });
                }
            }
        }
    }

    @Override
    public int purgeIncomplete(Instant before) throws IOException {
        int purged = 0;
        try (Stream<Path> parts = Files.list(tmp)) {
            for (Path part : (Iterable<Path>) parts::iterator) {
                if (Files.getLastModifiedTime(part).toInstant().isBefore(before) && Files.deleteIfExists(part)) {
                    purged++;
                }
            }
        }
        return purged;
    }

    @Override
    public boolean isReady() {
        return Files.isDirectory(blobs) && Files.isWritable(blobs) && Files.isWritable(tmp);
    }

    /**
     * A write that failed on a full disk (issue 11 item 7) becomes {@code 507
     * server.insufficient_storage} with {@code Retry-After} instead of a 500: the JDK reports ENOSPC
     * only as an {@link IOException} whose message is the C library's, so the message and, failing
     * that, the usable space left decide. Anything else is passed on as it is.
     */
    private boolean isFull(IOException e) {
        String message = e.getMessage();
        if (message != null && message.contains("No space left on device")) {
            return true;
        }
        try {
            return Files.getFileStore(tmp).getUsableSpace() < MIN_FREE_BYTES;
        } catch (IOException unknown) {
            return false;
        }
    }

    private Path pathOf(BlobId id) {
        return blobs.resolve(id.value().substring(0, 2)).resolve(id.value());
    }

    private final class FileWriter implements BlobWriter {
        private final BlobId id;
        private final Path part;
        private final FileChannel channel;
        private final OutputStream stream;
        private boolean committed;
        private boolean full;

        FileWriter(BlobId id, Path part, FileChannel channel) {
            this.id = id;
            this.part = part;
            this.channel = channel;
            this.stream = new java.io.FilterOutputStream(Channels.newOutputStream(channel)) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    try {
                        out.write(b, off, len);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }

                @Override
                public void write(int b) throws IOException {
                    try {
                        out.write(b);
                    } catch (IOException e) {
                        throw failed(e);
                    }
                }
            };
        }

        @Override
        public BlobId id() {
            return id;
        }

        /** A full disk is reported (meter, log) once per blob, however many writes then fail. */
        private IOException failed(IOException e) {
            if (!isFull(e)) {
                return e;
            }
            if (!full) {
                full = true;
                onFull.run();
                log.error("storage.full dir={}", tmp.getParent());
            }
            throw new app.bar.platform.error.BarProblem.InsufficientStorage(
                    "The server's storage is full; nothing was kept. Try again later.", java.time.Duration.ofSeconds(60));
        }

        @Override
        public OutputStream stream() {
            return stream;
        }

        @Override
        public void commit() throws IOException {
            try {
                channel.force(true);
                channel.close();
                Path target = pathOf(id);
                Files.createDirectories(java.util.Objects.requireNonNull(target.getParent()));
                Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw failed(e);
            }
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (!committed) {
                channel.close();
                Files.deleteIfExists(part);
            }
        }
    }
}
