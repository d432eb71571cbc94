package app.bar.platform.events;

import static app.bar.share.ShareApi.aText;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.support.JarProcess;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import app.bar.webhook.WebhookReceiver;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Issue 10 item 1: a server process killed ({@code kill -9}) after a commit and before the
 * listeners of its events ran loses nothing. The real jar, in its own JVM, on a database of its
 * own (an H2 file in the embedded run, a fresh PostgreSQL schema and Redis in the external run):
 * it starts with its listeners held ({@code bar.events.hold-listeners}, which production
 * refuses), a wrong password and the one view of a share commit, the process is killed, the
 * database shows the publications still incomplete and no delivery, and a new process on the
 * same database finds the access-log rows, the security event and delivers the three webhooks.
 */
class EventCrashIT {

    private static final String ADMIN = "crash-admin@example.test";

    @TempDir
    Path dir;

    WebhookReceiver receiver;
    String databaseUrl;
    int port;

    @BeforeEach
    void setUp() {
        receiver = new WebhookReceiver();
        databaseUrl = TestBackends.EXTERNAL
                ? TestBackends.newPostgresSchema("bar_crash_" + Long.toHexString(System.nanoTime()))
                // WRITE_DELAY=0: H2 writes a commit at once (its default leaves up to 0.5 s of
                // commits in memory, which a kill takes along with their publications)
                : "jdbc:h2:file:" + dir.resolve("db/bar").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0";
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void killWhenCommittedBeforeListenersRanThenRestartDeliversEverything() throws Exception {
        String shareId;
        try (JarProcess first = start("--bar.events.hold-listeners=true", "--bar.events.retry-after=1h")) {
            TestHttp http = first.awaitHealthy(port);
            AccountFixtures.Session admin = login(http);
            HttpResponse<String> hook = http.send(http.request("/api/account/webhook")
                    .header("Content-Type", "application/json").header("Cookie", admin.cookieAndCsrfHeaders()[1])
                    .header("X-CSRF-Token", admin.csrf())
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + receiver.url("/hook") + "\"}")).build());
            assertThat(hook.statusCode()).as(hook.body()).isEqualTo(200);
            ShareApi api = new ShareApi(http);
            shareId = api.create(aText("kill me softly").with("password", "the right one"),
                    admin.cookieAndCsrfHeaders()).id();
            assertThat(api.unlock(shareId, Map.of("password", "a wrong one")).statusCode()).isEqualTo(401);
            // the next try is refused (429) for a second after a wrong one
            AtomicReference<HttpResponse<String>> unlocked = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).until(() -> {
                unlocked.set(api.unlock(shareId, Map.of("password", "the right one")));
                return unlocked.get().statusCode() != 429;
            });
            assertThat(unlocked.get().statusCode()).as(unlocked.get().body()).isEqualTo(200);
            String ticket = TestHttp.json(unlocked.get()).get("ticket").asString();
            assertThat(api.content(shareId, ticket).statusCode()).isEqualTo(200);
            // the last view shreds the share (and publishes share.destroyed) when its stream ends,
            // which can be just after the client has the body; the request's log line comes after
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> first.output().contains("route=/api/shares/{id}/content status=200"));

            first.kill();
        }

        assertThat(count("select count(*) from event_publication where serialized_event like ?", "%" + shareId + "%"))
                .as("the webhook outbox's three publications and the opened mail's one, committed and never run")
                .isEqualTo(4);
        assertThat(count("select count(*) from webhook_deliveries where share_id = ?", shareId)).isZero();
        assertThat(receiver.received()).isEmpty();

        try (JarProcess second = start("--bar.events.retry-after=1s", "--bar.events.retry-interval=500ms")) {
            TestHttp http = second.awaitHealthy(port);
            List<WebhookReceiver.Received> got = receiver.await("/hook", r -> r.size() >= 3, Duration.ofSeconds(60));
            assertThat(got).extracting(r -> r.json().get("type").asString())
                    .containsExactlyInAnyOrder("share.password_failed", "share.accessed", "share.destroyed");
            assertThat(got).allSatisfy(r -> assertThat(r.json().get("shareId").asString()).isEqualTo(shareId));

            AccountFixtures.Session admin = login(http);
            JsonNode log = TestHttp.json(http.get("/api/shares/" + shareId + "/events", admin.cookieHeaders()));
            assertThat(log.get("events").findValuesAsString("outcome"))
                    .containsExactly("password_failed", "opened", "destroyed_views_used");
            JsonNode security = TestHttp.json(http.get("/api/admin/security-events?type=share.password_failed",
                    admin.cookieHeaders()));
            assertThat(security.get("items").size()).isEqualTo(1);
        }
        assertThat(count("select count(*) from event_publication where serialized_event like ?", "%" + shareId + "%"))
                .as("every publication completed").isZero();
        assertThat(count("select count(*) from webhook_deliveries where share_id = ? and status = 'DELIVERED'",
                shareId)).as("each event delivered once").isEqualTo(3);
    }

    private JarProcess start(String... args) {
        port = JarProcess.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("BAR_PORT", Integer.toString(port));
        env.put("BAR_DATA_DIR", dir.toAbsolutePath().toString());
        env.put("BAR_DATABASE_URL", databaseUrl);
        env.put("BAR_BOOTSTRAP_ADMIN_EMAIL", ADMIN);
        env.put("BAR_BOOTSTRAP_ADMIN_PASSWORD", AccountFixtures.PASSWORD);
        env.put("BAR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true");
        if (TestBackends.EXTERNAL && TestBackends.redisUrl() != null) {
            env.put("BAR_REDIS_URL", TestBackends.redisUrl());
            env.put("BAR_REDIS_NAMESPACE", "bar-crash-" + System.nanoTime());
        }
        String[] all = new String[args.length + 1];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--bar.webhooks.worker-interval=200ms";
        return JarProcess.start(dir, env, all);
    }

    private static AccountFixtures.Session login(TestHttp http) {
        HttpResponse<String> response = http.postJson("/api/auth/login",
                TestHttp.map("email", ADMIN, "password", AccountFixtures.PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return AccountFixtures.Session.of(response);
    }

    /** Reads the database the processes used, while none of them runs (an H2 file has one owner at a time). */
    private int count(String sql, String parameter) throws SQLException {
        try (Connection c = DriverManager.getConnection(databaseUrl); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
