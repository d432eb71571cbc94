package app.bar.storage;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;

/**
 * Writes one object with bounded memory: bytes fill a part buffer; a full part is sent in the
 * background while the next one fills, so at most two parts are held. The multipart upload
 * starts with the first full part; a blob smaller than a part is one PUT at commit. Only
 * {@link #commit()} completes the upload and makes the object exist; closing without it aborts.
 */
final class S3BlobWriter implements BlobStore.BlobWriter {

    private static final Logger log = LoggerFactory.getLogger(S3BlobWriter.class);
    private static final int FIRST_BUFFER = 64 * 1024;

    private final S3Client client;
    private final ExecutorService partUploads;
    private final String bucket;
    private final String key;
    private final BlobId id;
    private final int partSize;
    private final OutputStream stream = new PartStream();
    private final List<CompletedPart> parts = new ArrayList<>();
    private byte[] filling = new byte[FIRST_BUFFER]; // small blobs never take a whole part of memory
    private int filled;
    private byte @Nullable [] sending;
    private @Nullable Future<CompletedPart> inFlight;
    private @Nullable String uploadId;
    private boolean committed;
    private boolean closed;

    S3BlobWriter(S3Client client, ExecutorService partUploads, String bucket, String key, BlobId id, int partSize) {
        this.client = client;
        this.partUploads = partUploads;
        this.bucket = bucket;
        this.key = key;
        this.id = id;
        this.partSize = partSize;
    }

    @Override
    public BlobId id() {
        return id;
    }

    @Override
    public OutputStream stream() {
        return stream;
    }

    @Override
    public void commit() throws IOException {
        ensureOpen();
        try {
            if (uploadId == null) {
                client.putObject(b -> b.bucket(bucket).key(key).contentLength((long) filled), body(filling, filled));
            } else {
                awaitInFlight();
                if (filled > 0) {
                    parts.add(uploadPart(parts.size() + 1, filling, filled));
                }
                String upload = uploadId;
                client.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload)
                        .multipartUpload(m -> m.parts(parts)));
            }
            committed = true;
        } catch (SdkException e) {
            throw S3BlobStore.failed("upload", e);
        } finally {
            close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        filling = new byte[0];
        sending = null;
        if (committed || uploadId == null) {
            return;
        }
        finishInFlightQuietly(); // a part still arriving after the abort would outlive it
        String upload = uploadId;
        try {
            client.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(upload));
        } catch (SdkException e) {
            // the clean-up's purgeIncomplete aborts it later; nothing was ever visible
            log.warn("storage.s3_abort_failed error={}", e.getClass().getSimpleName());
        }
    }

    private void write(byte[] bytes, int off, int len) throws IOException {
        ensureOpen();
        int at = off;
        int left = len;
        while (left > 0) {
            if (filled == filling.length) {
                if (filling.length < partSize) {
                    filling = Arrays.copyOf(filling, Math.min(partSize, filling.length * 4));
                } else {
                    sendFullPart();
                }
            }
            int n = Math.min(left, filling.length - filled);
            System.arraycopy(bytes, at, filling, filled, n);
            filled += n;
            at += n;
            left -= n;
        }
    }

    /** Starts the full part's upload in the background; first waits for the part before it. */
    private void sendFullPart() throws IOException {
        try {
            if (uploadId == null) {
                uploadId = client.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            }
        } catch (SdkException e) {
            throw S3BlobStore.failed("create-upload", e);
        }
        awaitInFlight();
        byte[] free = sending;
        byte[] full = filling;
        int number = parts.size() + 1;
        sending = full;
        inFlight = partUploads.submit(() -> uploadPart(number, full, full.length));
        filling = free != null ? free : new byte[partSize];
        filled = 0;
    }

    private void finishInFlightQuietly() {
        Future<CompletedPart> part = inFlight;
        if (part == null) {
            return;
        }
        try {
            part.get(2, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | CancellationException | TimeoutException e) {
            // failed or stuck: the abort below, or the clean-up later, removes what arrived
        }
    }

    private void awaitInFlight() throws IOException {
        Future<CompletedPart> part = inFlight;
        if (part == null) {
            return;
        }
        try {
            parts.add(part.get());
            inFlight = null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a part was uploading");
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw cause instanceof SdkException sdk ? S3BlobStore.failed("upload-part", sdk)
                    : new IOException("S3 upload-part failed", cause);
        }
    }

    private CompletedPart uploadPart(int number, byte[] data, int length) {
        String upload = Objects.requireNonNull(uploadId);
        String etag = client.uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(number)
                .contentLength((long) length), body(data, length)).eTag();
        return CompletedPart.builder().partNumber(number).eTag(etag).build();
    }

    /** The buffer itself, not a copy (RequestBody.fromBytes copies), replayable for retries and signing. */
    private static RequestBody body(byte[] data, int length) {
        return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(data, 0, length), length,
                "application/octet-stream");
    }

    private void ensureOpen() throws IOException {
        if (closed) {
            throw new IOException("the blob writer is closed");
        }
    }

    private final class PartStream extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            S3BlobWriter.this.write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            S3BlobWriter.this.write(b, off, len);
        }
    }
}
