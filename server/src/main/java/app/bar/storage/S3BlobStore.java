package app.bar.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Blobs as objects of one bucket, {@code <prefix><first two characters>/<id>} (the directory's
 * layout). A blob is written as a multipart upload ({@link S3BlobWriter}) that only its commit
 * completes, so a crash leaves an unfinished upload that is never an object; the clean-up
 * aborts those ({@link #purgeIncomplete}). Reads are one streamed GET.
 *
 * <p>An unfinished upload's age is the earlier of the date the server gives and the first time
 * this node's clean-up saw it: some S3-compatible servers (s3proxy) answer every upload as
 * initiated just now, and must not keep a crashed upload's parts forever.
 */
final class S3BlobStore implements BlobStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3BlobStore.class);

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final int partSize;
    private final ExecutorService partUploads;
    private final Clock clock;
    private final Map<String, Instant> uploadsFirstSeen = new ConcurrentHashMap<>();

    S3BlobStore(S3Client client, String bucket, String prefix, int partSize, Clock clock) {
        this.client = client;
        this.clock = clock;
        this.bucket = bucket;
        this.prefix = prefix;
        this.partSize = partSize;
        AtomicInteger threads = new AtomicInteger();
        // one background part per writer at most, so as many threads as uploads in flight
        this.partUploads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "bar-s3-part-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    static S3BlobStore connect(StorageProperties.S3 s3, Clock clock) {
        log.info("storage.s3 {}", s3);
        return new S3BlobStore(S3Clients.create(s3), s3.bucket(), s3.prefix(), (int) s3.partSize().toBytes(), clock);
    }

    @Override
    public BlobWriter create() {
        return createAs(BlobId.random());
    }

    /** A writer for a given id (migration keeps the ids the database knows). */
    S3BlobWriter createAs(BlobId id) {
        return new S3BlobWriter(client, partUploads, bucket, keyOf(id), id, partSize);
    }

    @Override
    public InputStream open(BlobId id) throws IOException {
        try {
            return new ObjectStream(client.getObject(b -> b.bucket(bucket).key(keyOf(id))));
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(id.value());
        } catch (SdkException e) {
            throw failed("get", e);
        }
    }

    /** The stored size, or empty when there is no such object. */
    OptionalLong size(BlobId id) throws IOException {
        try {
            return OptionalLong.of(client.headObject(b -> b.bucket(bucket).key(keyOf(id))).contentLength());
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return OptionalLong.empty();
            }
            throw failed("head", e);
        } catch (SdkException e) {
            throw failed("head", e);
        }
    }

    @Override
    public boolean delete(BlobId id) throws IOException {
        if (size(id).isEmpty()) {
            return false; // S3 answers a delete of nothing like any other: ask first to report it
        }
        try {
            client.deleteObject(b -> b.bucket(bucket).key(keyOf(id)));
            return true;
        } catch (SdkException e) {
            throw failed("delete", e);
        }
    }

    @Override
    public void forEach(Consumer<StoredBlob> action) throws IOException {
        try {
            for (S3Object object : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(prefix)).contents()) {
                idOf(object.key()).ifPresent(id -> action.accept(new StoredBlob(id, object.lastModified())));
            }
        } catch (SdkException e) {
            throw failed("list", e);
        }
    }

    @Override
    public int purgeIncomplete(Instant before) throws IOException {
        int aborted = 0;
        Instant now = clock.instant();
        Set<String> listed = new HashSet<>();
        try {
            for (MultipartUpload upload : client.listMultipartUploadsPaginator(b -> b.bucket(bucket).prefix(prefix))
                    .uploads()) {
                if (idOf(upload.key()).isEmpty()) {
                    continue;
                }
                listed.add(upload.uploadId());
                Instant seen = uploadsFirstSeen.computeIfAbsent(upload.uploadId(), u -> now);
                Instant started = upload.initiated() != null && upload.initiated().isBefore(seen) ? upload.initiated() : seen;
                if (started.isBefore(before) && abort(upload)) {
                    aborted++;
                }
            }
        } catch (SdkException e) {
            throw failed("list-uploads", e);
        }
        uploadsFirstSeen.keySet().retainAll(listed); // completed or aborted: forget
        if (aborted > 0) {
            log.info("storage.s3_uploads_aborted count={}", aborted);
        }
        return aborted;
    }

    private boolean abort(MultipartUpload upload) {
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()));
            return true;
        } catch (NoSuchUploadException e) {
            return false; // completed or aborted meanwhile (another node's clean-up)
        }
    }

    @Override
    public boolean isReady() {
        try {
            client.headBucket(b -> b.bucket(bucket));
            return true;
        } catch (SdkException e) {
            log.warn("storage.s3_unreachable error={}", e.getClass().getSimpleName());
            return false;
        }
    }

    @Override
    public void close() {
        partUploads.shutdownNow();
        client.close();
    }

    String keyOf(BlobId id) {
        return prefix + id.value().substring(0, 2) + "/" + id.value();
    }

    private Optional<BlobId> idOf(String key) {
        if (!key.startsWith(prefix) || key.length() != prefix.length() + 3 + 22) {
            return Optional.empty();
        }
        String id = key.substring(prefix.length() + 3);
        return BlobId.isValid(id) && key.equals(prefix + id.substring(0, 2) + "/" + id)
                ? Optional.of(new BlobId(id)) : Optional.empty();
    }

    static IOException failed(String operation, SdkException e) {
        // the SDK's message names the bucket and key at most, never credentials
        return new IOException("S3 " + operation + " failed: " + e.getMessage(), e);
    }

    /**
     * The body of a GET. Closing it before the end aborts the connection: the HTTP client would
     * otherwise read the rest of the object (maybe a gigabyte) to reuse the connection.
     */
    private static final class ObjectStream extends FilterInputStream {
        private final ResponseInputStream<GetObjectResponse> response;
        private boolean ended;

        ObjectStream(ResponseInputStream<GetObjectResponse> response) {
            super(response);
            this.response = response;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            ended |= b < 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = super.read(buffer, off, len);
            ended |= n < 0;
            return n;
        }

        @Override
        public void close() throws IOException {
            if (!ended) {
                response.abort();
            }
            super.close();
        }
    }
}
