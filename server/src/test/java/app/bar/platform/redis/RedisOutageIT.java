package app.bar.platform.redis;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.support.JarProcess;
import app.bar.support.TcpProxy;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 item 5: Redis goes away under a running node, and a node starts while it is away. The
 * real jar talks to the real Redis through a {@link TcpProxy} the test cuts. The node starts with
 * the proxy cut (in-process limits, ready all the same), subscribes to revocation notices once
 * Redis is back, and during a later cut its rate-limited requests take no Lettuce timeouts,
 * {@code /readyz} stays UP, and the management port shows Redis degraded; after the restore a
 * revocation notice from another node (published by the test) ends a session at once.
 */
@EnabledIfSystemProperty(named = "bar.it.backend", matches = "external")
class RedisOutageIT {

    private static final String ADMIN = "redis-outage-admin@example.test";
    private static final Pattern SAMPLE = Pattern.compile("^(bar_redis_[a-z_]+)(\\{[^}]*})? (\\S+)", Pattern.MULTILINE);

    @TempDir
    Path dir;

    @Test
    void redisCutWhenServingThenNoTimeoutsStillReadyAndRevocationNoticesAfterRestore() throws Exception {
        String redisUrl = TestBackends.redisUrl();
        assertThat(redisUrl).as("BAR_TEST_REDIS_URL").isNotNull();
        RedisURI target = RedisURI.create(redisUrl);
        String namespace = "bar-outage-" + System.nanoTime();
        int port = JarProcess.freePort();
        int management = JarProcess.freePort();
        try (TcpProxy redis = TcpProxy.to(target.getHost(), target.getPort());
                RedisClient direct = RedisClient.create(redisUrl);
                StatefulRedisConnection<String, String> notices = direct.connect()) {
            redis.cut(); // the node starts while Redis is away
            Map<String, String> env = new HashMap<>();
            env.put("BAR_PORT", Integer.toString(port));
            env.put("BAR_MANAGEMENT_PORT", Integer.toString(management));
            env.put("BAR_DATA_DIR", dir.toAbsolutePath().toString());
            env.put("BAR_DATABASE_URL", TestBackends.newPostgresSchema("bar_redis_outage_" + Long.toHexString(System.nanoTime())));
            env.put("BAR_REDIS_URL", "redis://127.0.0.1:" + redis.port());
            env.put("BAR_REDIS_NAMESPACE", namespace);
            env.put("BAR_BOOTSTRAP_ADMIN_EMAIL", ADMIN);
            env.put("BAR_BOOTSTRAP_ADMIN_PASSWORD", AccountFixtures.PASSWORD);
            try (JarProcess server = JarProcess.start(dir, env, "--bar.rate-limits.share-create=100000/1m",
                    "--bar.rate-limits.api=100000/1m", "--bar.sessions.revocation-cache-ttl=5s")) {
                TestHttp http = server.awaitHealthy(port);
                TestHttp admin = new TestHttp(management);
                ShareApi api = new ShareApi(http);
                assertThat(http.get("/readyz").statusCode()).as("ready without Redis").isEqualTo(200);
                assertThat(api.createRaw(aText("on in-process limits")).statusCode()).isEqualTo(201);
                assertThat(meter(admin, "bar_redis_available", "")).isZero();

                redis.restore();
                await().atMost(Duration.ofSeconds(20)).until(() -> meter(admin, "bar_redis_available", "") == 1);
                assertRevocationNoticeEndsSession(http, notices, namespace);

                redis.cut();
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    long start = System.nanoTime();
                    HttpResponse<String> created = api.createRaw(aText("during the Redis outage " + i));
                    millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                    assertThat(created.statusCode()).isEqualTo(201);
                }
                List<Long> readyz = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    long start = System.nanoTime();
                    assertThat(http.get("/readyz").statusCode()).as("ready while Redis is away").isEqualTo(200);
                    readyz.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
                }
                HttpResponse<String> health = admin.get("/actuator/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(TestHttp.json(health).get("status").asString()).isEqualTo("UP");
                assertThat(TestHttp.json(health).get("components").get("redis").get("status").asString())
                        .isEqualTo("DEGRADED");
                assertThat(meter(admin, "bar_redis_available", "")).isZero();
                assertThat(meter(admin, "bar_redis_state_changes_total", "state=\"unavailable\""))
                        .as("once at start, once for the cut: not per request").isEqualTo(2);

                redis.restore();
                long restored = System.nanoTime();
                await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50))
                        .until(() -> meter(admin, "bar_redis_available", "") == 1);
                long back = Duration.ofNanos(System.nanoTime() - restored).toMillis();
                long notice = assertRevocationNoticeEndsSession(http, notices, namespace);

                List<Long> sorted = new ArrayList<>(millis);
                Collections.sort(sorted);
                long p50 = sorted.get(sorted.size() / 2);
                long max = sorted.get(sorted.size() - 1);
                System.out.printf("redis-outage: rate-limited creates during the cut p50 %d ms, max %d ms; /readyz %s ms; "
                        + "Redis in use again %d ms after restore; revocation notice honoured in %d ms%n",
                        p50, max, readyz, back, notice);
                // Lettuce's timeout is 2 s: a request that waited for it would show here
                assertThat(max).as("slowest rate-limited request during the cut (ms)").isLessThan(1_500);
                assertThat(p50).as("median rate-limited request during the cut (ms)").isLessThan(500);
            }
        }
    }

    /** Signs in, publishes a revocation notice as another node would, and returns how long until the session is refused. */
    private static long assertRevocationNoticeEndsSession(TestHttp http, StatefulRedisConnection<String, String> notices,
            String namespace) {
        HttpResponse<String> login = http.postJson("/api/auth/login",
                TestHttp.map("email", ADMIN, "password", AccountFixtures.PASSWORD));
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        AccountFixtures.Session session = AccountFixtures.Session.of(login);
        assertThat(http.get("/api/account", session.cookieHeaders()).statusCode()).isEqualTo(200); // now cached for 5 s
        // the database still says active: only the notice can end it this early
        long start = System.nanoTime();
        notices.sync().publish(namespace + ":session-revoked", sessionId(session.access()));
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> http.get("/api/account", session.cookieHeaders()).statusCode() == 401);
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    private static String sessionId(String jwt) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return TestHttp.JSON.readTree(payload).get("sid").asString();
    }

    /** A bar_redis_* sample from the management port's Prometheus scrape. */
    private static double meter(TestHttp management, String name, String labels) {
        Matcher m = SAMPLE.matcher(management.get("/actuator/prometheus").body());
        while (m.find()) {
            if (m.group(1).equals(name) && (m.group(2) == null ? "" : m.group(2)).contains(labels)) {
                return Double.parseDouble(m.group(3));
            }
        }
        throw new AssertionError(name + " is not in the scrape");
    }
}
