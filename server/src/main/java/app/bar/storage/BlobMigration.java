package app.bar.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves every committed blob of a directory into a bucket under the same id, one at a time:
 * upload, read the object back and compare its SHA-256 and length with the file's, then remove
 * the file (unless {@code keepSource}). Each blob stands alone, so a run that stops part-way is
 * resumed by running again; an object already in the bucket is verified, not uploaded again,
 * and replaced if it differs. Half-written files ({@code tmp/*.part}) are not blobs and stay.
 */
final class BlobMigration {

    private static final Logger log = LoggerFactory.getLogger(BlobMigration.class);
    private static final int BUFFER = 64 * 1024;

    private final BlobStore source;
    private final S3BlobStore target;
    private final boolean keepSource;

    BlobMigration(BlobStore source, S3BlobStore target, boolean keepSource) {
        this.source = source;
        this.target = target;
        this.keepSource = keepSource;
    }

    /** How many blobs were uploaded, found already in the bucket, gone from the directory meanwhile, or failed. */
    record Result(int uploaded, int alreadyThere, int gone, int failed) {
    }

    Result run() throws IOException {
        List<BlobId> ids = new ArrayList<>();
        source.forEach(blob -> ids.add(blob.id()));
        int uploaded = 0;
        int already = 0;
        int gone = 0;
        int failed = 0;
        for (BlobId id : ids) {
            try {
                if (migrate(id)) {
                    uploaded++;
                } else {
                    already++;
                }
                if (!keepSource) {
                    source.delete(id);
                }
            } catch (NoSuchFileException e) {
                gone++; // its share ended meanwhile and a server removed it
            } catch (IOException | RuntimeException e) {
                failed++;
                log.error("blob.migrate_failed blob={} error={}", id.value(), e.getClass().getSimpleName(), e);
            }
        }
        Result result = new Result(uploaded, already, gone, failed);
        log.info("blob.migrate_done blobs={} uploaded={} already_there={} gone={} failed={} source_kept={}",
                ids.size(), uploaded, already, gone, failed, keepSource);
        return result;
    }

    /** Returns whether it uploaded ({@code false}: the bucket already held the same bytes). */
    private boolean migrate(BlobId id) throws IOException {
        OptionalLong existing = target.size(id);
        if (existing.isPresent()) {
            Digest file = digestOf(source, id);
            if (file.length() == existing.getAsLong() && file.equals(digestOf(target, id))) {
                return false;
            }
            log.warn("blob.migrate_replacing blob={} reason=differs", id.value());
        }
        Digest sent = upload(id);
        Digest stored = digestOf(target, id);
        if (!sent.equals(stored)) {
            target.delete(id);
            throw new IOException("the object read back differs from the file");
        }
        return true;
    }

    private Digest upload(BlobId id) throws IOException {
        MessageDigest sha = sha256();
        long length = 0;
        try (InputStream in = source.open(id); S3BlobWriter writer = target.createAs(id)) {
            OutputStream out = writer.stream();
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                out.write(buffer, 0, n);
                length += n;
            }
            writer.commit();
        }
        return new Digest(length, sha.digest());
    }

    private static Digest digestOf(BlobStore store, BlobId id) throws IOException {
        MessageDigest sha = sha256();
        long length = 0;
        try (InputStream in = store.open(id)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha.update(buffer, 0, n);
                length += n;
            }
        }
        return new Digest(length, sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Digest(long length, byte[] sha256) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Digest d && d.length == length && MessageDigest.isEqual(d.sha256, sha256);
        }

        @Override
        public int hashCode() {
            return Long.hashCode(length);
        }

        @Override
        public String toString() {
            return "Digest[" + length + " bytes]";
        }
    }
}
