package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.support.TestS3;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.springframework.util.unit.DataSize;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * The S3 blob store against a real S3-protocol server (s3proxy): an object exists only once its
 * writer commits, multipart uploads keep the bytes exact, abandoned uploads are aborted by the
 * clean-up. It uses no test backend, so the PostgreSQL run skips it.
 */
@DisabledIfSystemProperty(named = "bar.it.backend", matches = "external")
class S3BlobStoreIT {

    private static final int PART = 5 * 1024 * 1024;

    private final TestS3 s3 = TestS3.get();
    private String bucket;
    private S3BlobStore store;

    @BeforeEach
    void setUp() {
        bucket = s3.createBucket();
        store = S3BlobStore.connect(settings(bucket), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    @Test
    void commitWhenSmallerThanAPartThenOneObjectAndNoMultipartUpload() throws Exception {
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write("ciphertext".getBytes(StandardCharsets.UTF_8));
            assertThat(s3.unfinishedUploads(bucket)).isZero();
            writer.commit();
            id = writer.id();
        }
        assertThat(s3.keys(bucket)).containsExactly("blobs/" + id.value().substring(0, 2) + "/" + id.value());
        try (InputStream in = store.open(id)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ciphertext");
        }
    }

    @Test
    void commitWhenSeveralPartsThenObjectIsByteForByteTheStream() throws Exception {
        byte[] data = random(2 * PART + 12345, 1);
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            for (int at = 0; at < data.length; at += 70_000) { // odd writes across part boundaries
                writer.stream().write(data, at, Math.min(70_000, data.length - at));
            }
            writer.commit();
            id = writer.id();
        }
        try (InputStream in = store.open(id)) {
            assertThat(MessageDigest.isEqual(in.readAllBytes(), data)).isTrue();
        }
        assertThat(s3.unfinishedUploads(bucket)).isZero();
    }

    @Test
    void writeWhenPartsSentButNotCommittedThenNoObjectExists() throws Exception {
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write(random(2 * PART + 10, 2));
            assertThat(s3.unfinishedUploads(bucket)).isEqualTo(1);
            assertThat(s3.keys(bucket)).isEmpty();
            assertThatThrownBy(() -> store.open(writer.id())).isInstanceOf(NoSuchFileException.class);
        }
    }

    @Test
    void closeWhenNotCommittedThenUploadAbortedAndNothingKept() throws Exception {
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write(random(PART + 10, 3));
            id = writer.id();
        }
        assertThat(s3.unfinishedUploads(bucket)).isZero();
        assertThat(s3.keys(bucket)).isEmpty();
        assertThat(store.delete(id)).isFalse();
    }

    @Test
    void purgeIncompleteWhenUploadAbandonedBeforeTheCutOffThenAbortedAndNothingLeft() throws Exception {
        BlobId crashed = BlobId.random();
        String key = store.keyOf(crashed);
        String upload = s3.client().createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
        s3.client().uploadPart(b -> b.bucket(bucket).key(key).uploadId(upload).partNumber(1),
                RequestBody.fromBytes(random(PART, 4)));
        assertThat(store.purgeIncomplete(Instant.now().minusSeconds(3600))).as("too recent").isZero();
        assertThat(s3.unfinishedUploads(bucket)).isEqualTo(1);
        assertThat(store.purgeIncomplete(Instant.now().plusSeconds(60))).isEqualTo(1);
        assertThat(s3.unfinishedUploads(bucket)).isZero();
        assertThat(s3.keys(bucket)).isEmpty();
    }

    /** s3proxy, like some other servers, answers every upload as initiated just now. */
    @Test
    void purgeIncompleteWhenServerCallsUploadNewThenAgedFromFirstSighting() throws Exception {
        Clock threeHoursAgo = Clock.offset(Clock.systemUTC(), Duration.ofHours(-3));
        try (S3BlobStore aging = S3BlobStore.connect(settings(bucket), threeHoursAgo)) {
            String key = aging.keyOf(BlobId.random());
            s3.client().createMultipartUpload(b -> b.bucket(bucket).key(key));
            assertThat(aging.purgeIncomplete(threeHoursAgo.instant().minus(Duration.ofHours(1)))).isZero();
            // an hour-long upload window now: the server says "just now", first seen three hours ago
            assertThat(aging.purgeIncomplete(Instant.now().minus(Duration.ofHours(1)))).isEqualTo(1);
        }
        assertThat(s3.unfinishedUploads(bucket)).isZero();
    }

    @Test
    void forEachWhenBucketHoldsOtherKeysThenOnlyBlobsListed() throws Exception {
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.commit();
            id = writer.id();
        }
        s3.client().putObject(b -> b.bucket(bucket).key("blobs/xx/not-a-blob-id"), RequestBody.fromString("x"));
        s3.client().putObject(b -> b.bucket(bucket).key("elsewhere/" + id.value()), RequestBody.fromString("x"));
        List<BlobStore.StoredBlob> listed = new ArrayList<>();
        store.forEach(listed::add);
        assertThat(listed).extracting(BlobStore.StoredBlob::id).containsExactly(id);
        assertThat(listed.get(0).writtenAt()).isBetween(Instant.now().minusSeconds(120), Instant.now().plusSeconds(120));
    }

    @Test
    void deleteWhenObjectExistsThenTrueAndThenFalse() throws Exception {
        BlobId id;
        try (BlobStore.BlobWriter writer = store.create()) {
            writer.stream().write(1);
            writer.commit();
            id = writer.id();
        }
        assertThat(store.delete(id)).isTrue();
        assertThat(store.delete(id)).isFalse();
        assertThatThrownBy(() -> store.open(id)).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void isReadyWhenBucketMissingThenFalse() {
        assertThat(store.isReady()).isTrue();
        try (S3BlobStore missing = S3BlobStore.connect(settings("bar-no-such-bucket"), Clock.systemUTC())) {
            assertThat(missing.isReady()).isFalse();
        }
    }

    @Test
    void toStringWhenStaticCredentialsThenNeitherKeyPrinted() {
        assertThat(settings(bucket).toString()).doesNotContain(TestS3.ACCESS_KEY, TestS3.SECRET_KEY)
                .contains(bucket);
    }

    static StorageProperties.S3 settings(String bucket) {
        TestS3 s3 = TestS3.get();
        return new StorageProperties.S3(s3.endpoint(), bucket, "us-east-1", true, TestS3.ACCESS_KEY, TestS3.SECRET_KEY,
                "blobs/", DataSize.ofBytes(PART), 10, true);
    }

    static byte[] random(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }
}
