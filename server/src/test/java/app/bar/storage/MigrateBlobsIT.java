package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.JarProcess;
import app.bar.support.TestBackends;
import app.bar.support.TestS3;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/**
 * {@code migrate-blobs --to s3} (issue 15): shares made on the filesystem open byte for byte from
 * the bucket afterwards; a run after a copy-only pass verifies instead of uploading and replaces
 * an object that differs; a run with nothing left to move changes nothing.
 */
class MigrateBlobsIT {

    @TempDir
    Path dir;

    @Test
    void migrateWhenRunAfterCopyPassThenVerifiesReplacesDifferingAndSharesOpenFromBucket() throws Exception {
        TestS3 s3 = TestS3.get();
        String bucket = s3.createBucket();
        byte[] big = S3BlobStoreIT.random(12 * 1024 * 1024 + 5, 21); // a multipart upload
        byte[] small = S3BlobStoreIT.random(3000, 22);
        int port = JarProcess.freePort();
        ShareApi.Created first;
        ShareApi.Created second;
        try (JarProcess filesystemNode = JarProcess.start(dir, backends(Map.of("BAR_PORT", Integer.toString(port))))) {
            ShareApi api = new ShareApi(filesystemNode.awaitHealthy(port));
            first = api.createFile("big.bin", big);
            second = api.createFile("small.bin", small);
        }
        Map<String, String> env = new HashMap<>(s3.environment(bucket));
        assertThat(migrate(env, "--keep-source")).contains("uploaded=2 already_there=0 gone=0 failed=0");
        assertThat(blobFiles()).hasSize(2);
        String damaged = s3.keys(bucket).get(0);
        s3.client().putObject(b -> b.bucket(bucket).key(damaged), RequestBody.fromString("not the blob"));

        assertThat(migrate(env)).contains("uploaded=1 already_there=1 gone=0 failed=0");
        assertThat(blobFiles()).as("moved: the directory is empty").isEmpty();
        assertThat(migrate(env)).as("nothing left").contains("uploaded=0 already_there=0 gone=0 failed=0");
        assertThat(s3.keys(bucket)).hasSize(2);

        env.put("BAR_PORT", Integer.toString(port));
        try (JarProcess s3Node = JarProcess.start(dir, backends(env))) {
            ShareApi api = new ShareApi(s3Node.awaitHealthy(port));
            assertThat(MessageDigest.isEqual(content(api, first.id()), big)).isTrue();
            assertThat(MessageDigest.isEqual(content(api, second.id()), small)).isTrue();
        }
    }

    private String migrate(Map<String, String> env, String... options) {
        List<String> args = new ArrayList<>(List.of("migrate-blobs", "--to", "s3"));
        args.addAll(List.of(options));
        try (JarProcess jar = JarProcess.start(dir, backends(env), args.toArray(String[]::new))) {
            int code = jar.waitFor(Duration.ofMinutes(5));
            assertThat(code).as(jar.output()).isZero();
            assertThat(jar.output()).doesNotContain(TestS3.SECRET_KEY);
            return jar.output();
        }
    }

    private static byte[] content(ShareApi api, String id) {
        HttpResponse<byte[]> response = api.content(id, api.ticket(id));
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private List<Path> blobFiles() throws Exception {
        try (Stream<Path> files = Files.walk(dir.resolve("data/blobs/blobs"))) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * The environment of a jar of the test deployment: anonymous shares up to 2 GB, and on the
     * external run the tests' PostgreSQL schema and Redis (the embedded run: the jar's own H2).
     * Environment variables, since maintenance commands read no {@code --options} as settings.
     */
    static Map<String, String> backends(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("BAR_SHARES_ANONYMOUSMAXFILESIZE", "2GB");
        if (TestBackends.EXTERNAL) {
            Map<String, String> backends = TestBackends.properties();
            all.put("BAR_DATABASE_URL", backends.get("bar.database.url"));
            if (backends.containsKey("bar.redis.url")) {
                all.put("BAR_REDIS_URL", backends.get("bar.redis.url"));
                all.put("BAR_REDIS_NAMESPACE", backends.get("bar.redis.namespace"));
            }
        }
        return all;
    }
}
