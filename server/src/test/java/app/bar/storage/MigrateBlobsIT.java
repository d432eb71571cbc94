package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.JarProcess;
import app.bar.support.TestNodes;
import app.bar.support.TestS3;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar bar-server.jar migrate-blobs --to s3} (issue 15): shares made on a node that
 * stores blobs in a directory open byte for byte, after the command, from a node on the bucket.
 * (The command's rules are {@link BlobMigrationIT}'s.)
 */
class MigrateBlobsIT {

    @TempDir
    Path dir;

    @Test
    void migrateBlobsWhenRunThenSharesMadeOnDirectoryOpenFromBucket() throws Exception {
        TestS3 s3 = TestS3.get();
        String bucket = s3.createBucket();
        Path blobs = dir.resolve("blobs");
        byte[] big = S3BlobStoreIT.random(12 * 1024 * 1024 + 5, 21);
        byte[] small = S3BlobStoreIT.random(3000, 22);
        ShareApi.Created first;
        ShareApi.Created second;
        try (TestNodes.Node directoryNode = TestNodes.start(Map.of("bar.storage.type", "filesystem",
                "bar.storage.dir", blobs.toString(), "bar.scheduling.enabled", "false",
                "bar.shares.anonymous-max-file-size", "100MB"))) {
            ShareApi api = new ShareApi(directoryNode.http());
            first = api.createFile("big.bin", big);
            second = api.createFile("small.bin", small);
        }
        Map<String, String> env = new HashMap<>(s3.environment(bucket));
        env.put("BAR_BLOB_DIR", blobs.toString()); // the command needs no database: its own H2 in dir
        try (JarProcess jar = JarProcess.start(dir, env, "migrate-blobs", "--to", "s3")) {
            int code = jar.waitFor(Duration.ofMinutes(5));
            assertThat(code).as(jar.output()).isZero();
            assertThat(jar.output()).contains("uploaded=4 already_there=0 gone=0 failed=0") // two shares: secrets blob and content each
                    .doesNotContain(TestS3.SECRET_KEY);
        }
        Map<String, String> bucketNode = new HashMap<>(s3.properties(bucket));
        bucketNode.put("bar.scheduling.enabled", "false");
        try (TestNodes.Node node = TestNodes.start(bucketNode)) {
            ShareApi api = new ShareApi(node.http());
            assertThat(MessageDigest.isEqual(content(api, first.id()), big)).isTrue();
            assertThat(MessageDigest.isEqual(content(api, second.id()), small)).isTrue();
        }
    }

    private static byte[] content(ShareApi api, String id) {
        HttpResponse<byte[]> response = api.content(id, api.ticket(id));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }
}
