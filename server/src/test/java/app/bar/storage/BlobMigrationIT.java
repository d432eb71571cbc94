package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.TestS3;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * Moving a directory's blobs into a bucket (issue 15): verified, resumable, idempotent. Against
 * s3proxy; it uses no test backend, so the PostgreSQL run skips it.
 */
@DisabledIfSystemProperty(named = "bar.it.backend", matches = "external")
class BlobMigrationIT {

    private final TestS3 s3 = TestS3.get();
    @TempDir
    Path dir;
    private String bucket;
    private FileSystemBlobStore directory;
    private S3BlobStore target;

    @BeforeEach
    void setUp() throws Exception {
        bucket = s3.createBucket();
        directory = new FileSystemBlobStore(dir);
        target = S3BlobStore.connect(S3BlobStoreIT.settings(bucket), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        target.close();
    }

    @Test
    void runWhenBlobsInDirectoryThenEachInBucketVerifiedAndFilesRemoved() throws Exception {
        BlobId big = write(S3BlobStoreIT.random(11 * 1024 * 1024, 1)); // a multipart upload
        BlobId small = write(S3BlobStoreIT.random(100, 2));
        byte[] bigBytes = read(directory, big);
        assertThat(migration(false).run()).isEqualTo(new BlobMigration.Result(2, 0, 0, 0));
        assertThat(MessageDigest.isEqual(read(target, big), bigBytes)).isTrue();
        assertThat(target.size(small)).hasValue(100);
        assertThat(ids(directory)).isEmpty();
    }

    @Test
    void runWhenCopiedBeforeThenVerifiedNotUploadedAgain() throws Exception {
        BlobId id = write(S3BlobStoreIT.random(5000, 3));
        assertThat(migration(true).run()).isEqualTo(new BlobMigration.Result(1, 0, 0, 0));
        assertThat(ids(directory)).containsExactly(id);
        assertThat(migration(false).run()).isEqualTo(new BlobMigration.Result(0, 1, 0, 0));
        assertThat(ids(directory)).isEmpty();
        assertThat(migration(false).run()).as("nothing left: nothing changes").isEqualTo(new BlobMigration.Result(0, 0, 0, 0));
        assertThat(ids(target)).containsExactly(id);
    }

    @Test
    void runWhenBucketHoldsDifferentBytesUnderTheIdThenReplaced() throws Exception {
        byte[] content = S3BlobStoreIT.random(5000, 4);
        BlobId id = write(content);
        s3.client().putObject(b -> b.bucket(bucket).key(target.keyOf(id)), RequestBody.fromString("damaged"));
        assertThat(migration(false).run()).isEqualTo(new BlobMigration.Result(1, 0, 0, 0));
        assertThat(MessageDigest.isEqual(read(target, id), content)).isTrue();
    }

    @Test
    void runWhenHalfWrittenFileInDirectoryThenLeftAlone() throws Exception {
        Path part = Files.writeString(dir.resolve("tmp").resolve(BlobId.random().value() + ".part"), "half");
        assertThat(migration(false).run()).isEqualTo(new BlobMigration.Result(0, 0, 0, 0));
        assertThat(part).exists();
        assertThat(s3.keys(bucket)).isEmpty();
    }

    private BlobMigration migration(boolean keepSource) {
        return new BlobMigration(directory, target, keepSource);
    }

    private BlobId write(byte[] content) throws Exception {
        try (BlobStore.BlobWriter writer = directory.create()) {
            writer.stream().write(content);
            writer.commit();
            return writer.id();
        }
    }

    private static byte[] read(BlobStore store, BlobId id) throws Exception {
        try (InputStream in = store.open(id)) {
            return in.readAllBytes();
        }
    }

    private static List<BlobId> ids(BlobStore store) throws Exception {
        List<BlobId> ids = new ArrayList<>();
        store.forEach(b -> ids.add(b.id()));
        return ids;
    }
}
