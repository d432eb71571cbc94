package app.bar.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.support.ExternalRunOnly;
import app.bar.support.JarProcess;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import app.bar.support.TestS3;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The server jar on S3 as an operator runs it (issue 15): a 1 GiB file through a server with a
 * 128 MiB heap comes back byte for byte; a server killed (SIGKILL) in the middle of a multipart
 * upload leaves no share to open and, after the next node's clean-up, no object and no upload.
 * In the external run only, where S3 is the blob store: the jar shares PostgreSQL and Redis with the
 * tests there.
 */
@ExternalRunOnly
class S3ServerIT {

    private static final long GIB = 1024L * 1024 * 1024;

    private final TestS3 s3 = TestS3.get();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void contentWhenOneGibibyteThroughServerAtXmx128mThenDownloadedByteForByte() throws Exception {
        String bucket = s3.createBucket();
        int port = JarProcess.freePort();
        try (JarProcess jar = JarProcess.startWith(List.of("-Xmx128m"), dir, env(bucket, port))) {
            TestHttp http = jar.awaitHealthy(port);
            // A cold JVM's first S3 call (SDK start-up) may outlast the 800 ms readiness budget:
            // the node is ready once the bucket answers within it.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(http.get("/readyz").statusCode()).as("the bucket answers").isEqualTo(200));
            Created share = createFile(http);
            HttpResponse<String> upload = client.send(uploadRequest(http, share,
                    HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new GeneratedContent(GIB, 42)), GIB)),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
            assertThat(s3.keys(bucket)).as("the share's secrets blob and its content").hasSize(2);
            HttpResponse<InputStream> download = client.send(contentRequest(http, share), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(download.statusCode()).isEqualTo(200);
            try (InputStream body = download.body()) {
                assertThat(GeneratedContent.firstDifference(body, GIB, 42)).as("first differing byte").isEqualTo(-1);
            }
            assertThat(jar.output()).doesNotContain("OutOfMemoryError", TestS3.SECRET_KEY);
        }
    }

    @Test
    void uploadWhenServerKilledMidMultipartThenNothingOpensAndCleanupLeavesNoObject() throws Exception {
        String bucket = s3.createBucket();
        int port = JarProcess.freePort();
        Created share;
        CountDownLatch never = new CountDownLatch(1);
        try (JarProcess jar = JarProcess.startWith(List.of("-Xmx128m"), dir, env(bucket, port))) {
            TestHttp http = jar.awaitHealthy(port);
            share = createFile(http);
            long size = 512L * 1024 * 1024;
            // 40 MiB arrive, then the body stalls: parts are uploaded, the upload is open
            StallingStream stalling = new StallingStream(new GeneratedContent(size, 7), 40L * 1024 * 1024, never);
            CompletableFuture<HttpResponse<String>> upload = client.sendAsync(uploadRequest(http, share,
                    HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> stalling), size)),
                    HttpResponse.BodyHandlers.ofString());
            // s3proxy's filesystem store may answer a listing 500 while a part is being written: ask again
            await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(S3Exception.class)
                    .until(() -> s3.unfinishedUploads(bucket) == 1);
            // Killed once the stalled body's whole parts are in (the next part still fills in memory):
            // killed while a part was on its way, s3proxy's filesystem store would keep that part cut
            // short and then fail every listing and the abort (real S3 drops such a part). Settled =
            // the body has stalled and the count of parts stayed the same over two seconds.
            AtomicInteger parts = new AtomicInteger(-1);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2))
                    .ignoreExceptionsInstanceOf(S3Exception.class).until(() -> {
                int now = s3.uploadedParts(bucket);
                return stalling.stalled() && now > 0 && parts.getAndSet(now) == now;
            });
            jar.kill();
            upload.cancel(true);
        } finally {
            never.countDown();
        }
        // s3proxy's filesystem listing may answer 500 while the killed upload's part files settle
        await().atMost(Duration.ofSeconds(30)).ignoreExceptionsInstanceOf(S3Exception.class)
                .untilAsserted(() -> assertThat(s3.keys(bucket))
                        .as("no content object before the upload completes, only the secrets blob").hasSize(1));
        try (JarProcess next = JarProcess.startWith(List.of("-Xmx128m"), dir, env(bucket, port),
                "--bar.shares.upload-window=PT2S", "--bar.shares.cleanup-interval=PT1S")) {
            TestHttp http = next.awaitHealthy(port);
            HttpResponse<String> unlock = http.postJson("/api/shares/" + share.id + "/unlock", Map.of());
            assertThat(unlock.statusCode()).as(unlock.body()).isNotEqualTo(200);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptionsInstanceOf(S3Exception.class).untilAsserted(() -> {
                assertThat(s3.unfinishedUploads(bucket)).as(next.output()).isZero();
                assertThat(http.get("/api/shares/" + share.id).statusCode()).isEqualTo(404);
            });
            assertThat(s3.keys(bucket)).isEmpty();
        }
    }

    /**
     * The jar's environment: the bucket, anonymous shares up to 2 GB, the tests' PostgreSQL schema
     * and Redis.
     */
    private Map<String, String> env(String bucket, int port) {
        Map<String, String> env = new HashMap<>(s3.environment(bucket));
        env.put("BAR_PORT", Integer.toString(port));
        env.put("BAR_SHARES_ANONYMOUSMAXFILESIZE", "2GB");
        Map<String, String> backends = TestBackends.properties();
        env.put("BAR_DATABASE_URL", backends.get("bar.database.url"));
        if (backends.containsKey("bar.redis.url")) {
            env.put("BAR_REDIS_URL", backends.get("bar.redis.url"));
            env.put("BAR_REDIS_NAMESPACE", backends.get("bar.redis.namespace"));
        }
        return env;
    }

    private record Created(String id, String manageToken) {
    }

    private static Created createFile(TestHttp http) {
        HttpResponse<String> created = http.postJson("/api/shares", Map.of("kind", "file", "filename", "big.bin"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var body = TestHttp.json(created);
        return new Created(body.get("id").asString(), body.get("manageToken").asString());
    }

    private static HttpRequest uploadRequest(TestHttp http, Created share, HttpRequest.BodyPublisher body) {
        return HttpRequest.newBuilder(URI.create(http.base() + "/api/shares/" + share.id + "/content"))
                .timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + share.manageToken)
                .header("Content-Type", "application/octet-stream")
                .PUT(body).build();
    }

    private static HttpRequest contentRequest(TestHttp http, Created share) {
        HttpResponse<String> unlock = http.postJson("/api/shares/" + share.id + "/unlock", Map.of());
        assertThat(unlock.statusCode()).as(unlock.body()).isEqualTo(200);
        String ticket = TestHttp.json(unlock).get("ticket").asString();
        return HttpRequest.newBuilder(URI.create(http.base() + "/api/shares/" + share.id + "/content"))
                .timeout(Duration.ofMinutes(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"" + ticket + "\"}")).build();
    }

    /** Passes {@code before} bytes through, then blocks until {@code release}. */
    private static final class StallingStream extends InputStream {
        private final InputStream in;
        private final CountDownLatch release;
        private volatile long left;

        boolean stalled() {
            return left <= 0;
        }

        StallingStream(InputStream in, long before, CountDownLatch release) {
            this.in = in;
            this.left = before;
            this.release = release;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("stalled on purpose");
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            left -= n;
            return n;
        }
    }
}
