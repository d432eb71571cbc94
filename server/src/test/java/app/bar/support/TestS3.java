package app.bar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A real S3-protocol server for the tests: s3proxy (its runnable jar, copied by the build to
 * {@code target/s3proxy/}) as its own process on a free port of 127.0.0.1, storing objects as
 * files under a temporary directory, with AWS signature v2/v4 authentication. One per test JVM;
 * each user takes its own bucket.
 */
public final class TestS3 {

    public static final String ACCESS_KEY = "bar-test-access";
    public static final String SECRET_KEY = "bar-test-secret-never-logged";

    private static TestS3 server;

    private final int port;
    private final Path baseDir;
    private final Path log;
    private final S3Client client;

    private TestS3(int port, Path baseDir, Path log) {
        this.port = port;
        this.baseDir = baseDir;
        this.log = log;
        this.client = S3Client.builder().endpointOverride(URI.create(endpoint())).region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
    }

    /** The server of this JVM, started on first use and stopped when the JVM exits. */
    public static synchronized TestS3 get() {
        if (server == null) {
            server = start();
        }
        return server;
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** A new, empty bucket. */
    public String createBucket() {
        byte[] random = new byte[6];
        new SecureRandom().nextBytes(random);
        String bucket = "bar-" + HexFormat.of().formatHex(random);
        client.createBucket(b -> b.bucket(bucket));
        return bucket;
    }

    /** A client for looking at what a bucket holds. */
    public S3Client client() {
        return client;
    }

    public List<String> keys(String bucket) {
        // Listed by prefix, not filtered afterwards: s3proxy's filesystem store keeps multipart parts
        // under ".mpus-…" in the bucket, and a part whose upload was cut off (the server killed mid
        // part) has no checksum attribute, which fails every listing that walks over it (500).
        return client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix("blobs/")).contents().stream()
                .map(S3Object::key).toList();
    }

    public int unfinishedUploads(String bucket) {
        return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().size();
    }

    /** How many parts the bucket's unfinished uploads hold, all together. */
    public int uploadedParts(String bucket) {
        return client.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .mapToInt(u -> client.listParts(b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())).parts().size())
                .sum();
    }

    /** Where the server keeps a bucket's blobs as files ({@code <ab>/<id>}, as the filesystem store does). */
    public Path blobRoot(String bucket) {
        return baseDir.resolve(bucket).resolve("blobs");
    }

    /** BAR's settings for a node storing blobs in {@code bucket}. */
    public Map<String, String> properties(String bucket) {
        return Map.of("bar.storage.type", "s3", "bar.storage.s3.endpoint", endpoint(), "bar.storage.s3.bucket", bucket,
                "bar.storage.s3.region", "us-east-1", "bar.storage.s3.path-style", "true",
                "bar.storage.s3.access-key", ACCESS_KEY, "bar.storage.s3.secret-key", SECRET_KEY);
    }

    /** The same as environment variables, for the jar. */
    public Map<String, String> environment(String bucket) {
        return Map.of("BAR_BLOB_STORE", "s3", "BAR_S3_ENDPOINT", endpoint(), "BAR_S3_BUCKET", bucket,
                "BAR_S3_REGION", "us-east-1", "BAR_S3_PATH_STYLE", "true",
                "BAR_S3_ACCESS_KEY", ACCESS_KEY, "BAR_S3_SECRET_KEY", SECRET_KEY);
    }

    private static TestS3 start() {
        try {
            Path jar = Path.of(System.getProperty("bar.it.s3proxy.jar", "target/s3proxy/s3proxy.jar")).toAbsolutePath();
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no s3proxy jar at " + jar + " (the build copies it in pre-integration-test)");
            }
            Path dir = Files.createTempDirectory("bar-s3-");
            Path data = Files.createDirectories(dir.resolve("data"));
            int port = JarProcess.freePort();
            Path config = dir.resolve("s3proxy.properties");
            Files.writeString(config, String.join("\n",
                    "s3proxy.endpoint=http://127.0.0.1:" + port,
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem-nio2",
                    "jclouds.identity=" + ACCESS_KEY,
                    "jclouds.credential=" + SECRET_KEY,
                    "jclouds.filesystem.basedir=" + data), StandardCharsets.UTF_8);
            Path log = dir.resolve("s3proxy.log");
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString(), "--properties",
                    config.toString()).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("LOG_LEVEL", "warn");
            Process process = builder.start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            awaitListening(process, port, log);
            return new TestS3(port, data, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void awaitListening(Process process, int port, Path log) throws IOException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("s3proxy exited:\n" + Files.readString(log));
            }
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                return; // any answer (403 without a signature) means it listens
            } catch (IOException notYet) {
                sleep();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("s3proxy did not listen within 60 s:\n" + Files.readString(log));
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TestS3[" + endpoint() + ", log " + log + "]";
    }
}
