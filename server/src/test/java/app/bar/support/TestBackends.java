package app.bar.support;

import app.bar.platform.secrets.KeyRingSpec;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Where integration tests keep their state. One set per test JVM, shared by every context (as
 * nodes of one deployment share theirs):
 * <ul>
 *   <li>a temporary data directory (dev keys, blobs, outbox);</li>
 *   <li>the database: H2 in that directory, or — when the build runs the {@code external}
 *       backend ({@code -Dbar.it.backend=external}, which {@code .ci/run} always does) — a fresh
 *       schema in the PostgreSQL of {@code BAR_TEST_POSTGRES_URL}; unreachable means the test
 *       fails, never skips;</li>
 *   <li>Redis from {@code BAR_TEST_REDIS_URL} in the external backend, under a random namespace;</li>
 *   <li>the blob store: the data directory, or in the external backend a bucket of the S3 server
 *       the tests start ({@link TestS3}), so every IT that stores a file runs on S3 too;</li>
 *   <li>a real SMTP server (GreenMail) on a free port, which every context sends to.</li>
 * </ul>
 */
public final class TestBackends implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final boolean EXTERNAL = "external".equals(System.getProperty("bar.it.backend"));

    private static final String RUN_ID = HexFormat.of().formatHex(randomBytes(4));
    private static Map<String, String> properties;
    private static GreenMail smtp;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        // Above everything (the development keys included), except a test class's own
        // @TestPropertySource and @DynamicPropertySource, which must win (a rate-limit test sets
        // its own limits, the single sign-on test its public URL on a port it chose).
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        sources.addFirst(new MapPropertySource("barTestBackends", new HashMap<>(properties())));
        for (String own : new String[] {TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME,
                "Dynamic Test Properties"}) {
            PropertySource<?> source = sources.remove(own);
            if (source != null) {
                sources.addFirst(source);
            }
        }
    }

    /** The properties a node of the test deployment needs (also for a second node started by hand). */
    public static synchronized Map<String, String> properties() {
        if (properties == null) {
            properties = createBackends();
        }
        return properties;
    }

    /**
     * Where the blobs of the test deployment lie as files ({@code <ab>/<id>}): the filesystem
     * store's directory, or the S3 server's directory of the bucket in the external backend.
     */
    public static Path blobRoot() {
        Map<String, String> p = properties();
        if ("s3".equals(p.get("bar.storage.type"))) {
            return TestS3.get().blobRoot(p.get("bar.storage.s3.bucket"));
        }
        return Path.of(p.get("bar.data-dir")).resolve("blobs").resolve("blobs");
    }

    /** The SMTP server every test context sends mail to. */
    public static synchronized GreenMail smtp() {
        properties();
        return smtp;
    }

    public static String postgresUrl() {
        String url = System.getenv("BAR_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("the external backend needs BAR_TEST_POSTGRES_URL (a jdbc:postgresql:// URL)");
        }
        return url;
    }

    public static String redisUrl() {
        String url = System.getenv("BAR_TEST_REDIS_URL");
        return url == null || url.isBlank() ? null : url;
    }

    private static Map<String, String> createBackends() {
        Map<String, String> p = new HashMap<>();
        Path data = temporaryDirectory();
        p.put("bar.data-dir", data.toString());
        p.put("bar.public-url", "https://bar.example.test");
        // one key set for every node of the test deployment (a second node must accept the first one's tokens)
        p.put("bar.jwt.keys", KeyRingSpec.generateEntry("jwt-test", KeyRingSpec.JWT_KEY_BYTES));
        p.put("bar.crypto.master-keys", KeyRingSpec.generateEntry("mk-test", KeyRingSpec.MASTER_KEY_BYTES));
        p.put("bar.receipts.keys", KeyRingSpec.generateEntry("rk-test", 32));
        if (EXTERNAL) {
            p.put("bar.database.url", newPostgresSchema("bar_it_" + RUN_ID));
            String redis = redisUrl();
            if (redis != null) {
                p.put("bar.redis.url", redis);
                p.put("bar.redis.namespace", "bar-it-" + RUN_ID);
            }
            p.putAll(TestS3.get().properties(TestS3.get().createBucket()));
        } else {
            p.put("bar.database.url", "jdbc:h2:file:" + data.resolve("db/bar")
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        // Many cached contexts (and second nodes) share one PostgreSQL: small pools keep them
        // under its connection limit.
        p.put("spring.datasource.hikari.maximum-pool-size", "6");
        p.put("spring.datasource.hikari.minimum-idle", "1");
        // Every test client is 127.0.0.1, so races of 50 "recipients" are one address here; the
        // per-client cap of bodies being read (32, SlowBodyFilter) is tested on its own
        // (SlowBodyFilterTests, SlowBodyIT against the jar with its defaults).
        p.put("bar.slow-body.max-per-client", "256");
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        Runtime.getRuntime().addShutdownHook(new Thread(smtp::stop));
        p.put("bar.mail.smtp.host", "127.0.0.1");
        p.put("bar.mail.smtp.port", Integer.toString(smtp.getSmtp().getPort()));
        p.put("bar.mail.smtp.tls", "none");
        p.put("bar.mail.from", "BAR <bar@example.test>");
        // Every context of the JVM shares the database, so only the webhook ITs' own context (and the
        // nodes they start) may run the delivery worker: another context's worker, with another
        // clock or guard setting, would claim their deliveries.
        p.put("bar.webhooks.worker-enabled", "false");
        // Generous limits so suites do not trip over each other; rate-limit tests set their own.
        for (String policy : new String[] {"login", "register", "forgot-password", "reauthenticate", "mfa", "share-unlock",
                "share-create", "chat-create", "api", "request-fill"}) {
            p.put("bar.rate-limits." + policy, "100000/1m");
        }
        return Map.copyOf(p);
    }

    /**
     * A new, empty schema {@code name} in the PostgreSQL of {@code BAR_TEST_POSTGRES_URL} (dropped
     * when the JVM exits), as the JDBC URL of a database whose tables live there.
     */
    public static String newPostgresSchema(String name) {
        String base = postgresUrl();
        String schema = name;
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("create schema " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at BAR_TEST_POSTGRES_URL is unreachable", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropSchema(base, schema)));
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void dropSchema(String base, String schema) {
        try (Connection c = DriverManager.getConnection(base); Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            // the JVM is exiting; a leftover schema is harmless and named for this run
        }
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("bar-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }
}
