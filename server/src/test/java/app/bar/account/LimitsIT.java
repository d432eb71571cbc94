package app.bar.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.error.HeldAnswers;
import app.bar.platform.hashing.FullPool;
import app.bar.platform.hashing.HashingPool;
import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Per-IP rate limits on the account endpoints, the bounded hashing pool (shared with share
 * passwords) and admin approval, in one context with small limits (each test speaks from its own
 * address through a trusted proxy) and eight request threads (JDK 17's platform threads).
 */
@BarIntegrationTest
@TestPropertySource(properties = {
        "bar.rate-limits.login=3/1m",
        "bar.rate-limits.register=2/1h",
        "bar.rate-limits.forgot-password=2/1h",
        "bar.http.trusted-proxies=127.0.0.1",
        "bar.hashing.threads=1",
        "bar.hashing.queue-capacity=1",
        "bar.hashing.refusal-hold=2s",
        "server.tomcat.threads.min-spare=2",
        "server.tomcat.threads.max=8",
        "bar.accounts.approval-required=true"})
class LimitsIT {

    private static final String WRONG = "Wrong wrong 12 wrong wrong";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    TestHttp http;
    AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    @Test
    void loginWhenOverPerIpLimitThen429WithRetryAfterAndEvent() {
        // ASVS 6.1.1/6.3.1: per-IP limits on top of the per-account lockout
        long before = Events.lastId(fixtures.jdbc());
        for (int i = 0; i < 3; i++) {
            assertThat(post("/api/auth/login", "198.51.100.11", TestHttp.map("email", "a@example.test", "password", WRONG))
                    .statusCode()).isEqualTo(401);
        }
        HttpResponse<String> limited = post("/api/auth/login", "198.51.100.11",
                TestHttp.map("email", "a@example.test", "password", WRONG));

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(Events.detailsSince(fixtures.jdbc(), "rate_limit.exceeded", before))
                .anySatisfy(d -> assertThat(d).contains("login"));
        assertThat(post("/api/auth/login", "198.51.100.12", TestHttp.map("email", "a@example.test", "password", WRONG))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void registerWhenOverPerIpLimitThen429() {
        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/auth/register", "198.51.100.21", TestHttp.map("email",
                    AccountFixtures.uniqueEmail("rl"), "password", AccountFixtures.PASSWORD)).statusCode()).isEqualTo(202);
        }
        assertThat(post("/api/auth/register", "198.51.100.21", TestHttp.map("email", AccountFixtures.uniqueEmail("rl"),
                "password", AccountFixtures.PASSWORD)).statusCode()).isEqualTo(429);
    }

    @Test
    void forgotPasswordWhenOverPerIpLimitThen429() {
        for (int i = 0; i < 2; i++) {
            assertThat(post("/api/auth/forgot-password", "198.51.100.31", TestHttp.map("email", "b@example.test"))
                    .statusCode()).isEqualTo(202);
        }
        assertThat(post("/api/auth/forgot-password", "198.51.100.31", TestHttp.map("email", "b@example.test"))
                .statusCode()).isEqualTo(429);
    }

    @Test
    void loginFloodWhenHashingPoolFullThen503WithRetryAfter() {
        // one hashing thread and one queue slot: the rest of a burst is refused, not queued without bound
        List<CompletableFuture<HttpResponse<String>>> burst = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            String body = TestHttp.JSON.writeValueAsString(TestHttp.map("email", AccountFixtures.uniqueEmail("flood"),
                    "password", WRONG));
            HttpRequest request = http.request("/api/auth/login").header("Content-Type", "application/json")
                    .header("X-Forwarded-For", "203.0.113." + (i + 1))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            burst.add(http.client().sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> responses = burst.stream().map(CompletableFuture::join).toList();

        List<HttpResponse<String>> refused = responses.stream().filter(r -> r.statusCode() == 503).toList();
        assertThat(refused).isNotEmpty();
        assertThat(refused.get(0).headers().firstValue("Retry-After")).isPresent();
        assertThat(refused.get(0).headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isIn(401, 503));
    }

    @Test
    void loginAndShareUnlockWhenHashingPoolFullThenBoth503() {
        // one bound for every Argon2id: sign-ins and share passwords together never exceed the pool
        HashingPool pool = context.getBean(HashingPool.class);
        FullPool.awaitIdle(pool);
        ShareApi shares = new ShareApi(http);
        String share = shares.create(ShareApi.aText("behind a password").with("password", "correct horse")).id();
        try (FullPool full = FullPool.fill(pool)) {
            HttpResponse<String> login = post("/api/auth/login", "198.51.100.51",
                    TestHttp.map("email", "c@example.test", "password", WRONG));
            HttpResponse<String> unlock = shares.unlock(share, Map.of("password", "correct horse"));

            assertThat(login.statusCode()).as(login.body()).isEqualTo(503);
            assertThat(unlock.statusCode()).as(unlock.body()).isEqualTo(503);
            assertThat(unlock.headers().firstValue("Retry-After")).isPresent();
        }
        assertThat(post("/api/auth/login", "198.51.100.51", TestHttp.map("email", "c@example.test", "password", WRONG))
                .statusCode()).isEqualTo(401);
    }

    @Test
    void loginWhenHashingPoolFullThenRefusalAnsweredAfterItsHoldWithoutHoldingARequestThread() throws Exception {
        // issue 12: a flood's refusals must not come back as fast as the flood can send them, and
        // holding them must not take request threads: twelve held, eight threads, and the server answers
        HashingPool pool = context.getBean(HashingPool.class);
        HeldAnswers held = context.getBean(HeldAnswers.class);
        FullPool.awaitIdle(pool);
        List<CompletableFuture<Long>> arrivals = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> refusals = new ArrayList<>();
        long sent;
        try (FullPool full = FullPool.fill(pool)) {
            sent = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                String body = TestHttp.JSON.writeValueAsString(TestHttp.map("email", AccountFixtures.uniqueEmail("held"),
                        "password", WRONG));
                HttpRequest request = http.request("/api/auth/login").header("Content-Type", "application/json")
                        .header("X-Forwarded-For", "198.51.100." + (70 + i))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                CompletableFuture<HttpResponse<String>> refusal = http.client().sendAsync(request,
                        HttpResponse.BodyHandlers.ofString());
                refusals.add(refusal);
                arrivals.add(refusal.thenApply(r -> System.nanoTime()));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (held.held() < 12 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(held.held()).as("refusals being held").isEqualTo(12);

            HttpResponse<String> meanwhile = http.get("/api/shares/limits");

            assertThat(meanwhile.statusCode()).isEqualTo(200);
            assertThat(refusals).noneMatch(CompletableFuture::isDone);
        }
        for (int i = 0; i < refusals.size(); i++) {
            HttpResponse<String> refused = refusals.get(i).join();
            ShareApi.assertProblem(refused, 503, "server.busy");
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("2");
            assertThat(TestHttp.json(refused).path("requestId").asString()).as("the request's own id, though answered later")
                    .isEqualTo(refused.headers().firstValue("X-Request-Id").orElseThrow());
            assertThat(refused.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(Duration.ofNanos(arrivals.get(i).join() - sent)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        }
        assertThat(held.held()).isZero();
    }

    @Test
    void verifyWhenApprovalRequiredThenPendingUntilAdminApproves() {
        String email = AccountFixtures.uniqueEmail("approve");
        // the burst test may have left the hashing pool full for a moment (503): try until it takes the work
        java.util.concurrent.atomic.AtomicInteger tries = new java.util.concurrent.atomic.AtomicInteger();
        HttpResponse<String> registered = org.awaitility.Awaitility.await("the hashing pool takes the registration")
                .atMost(java.time.Duration.ofSeconds(10)).pollInterval(java.time.Duration.ofMillis(200))
                .until(() -> post("/api/auth/register", "198.51.101." + tries.incrementAndGet(), // fresh: register is 2/1h
                        TestHttp.map("email", email, "password", AccountFixtures.PASSWORD)), r -> r.statusCode() != 503);
        assertThat(registered.statusCode()).isEqualTo(202);
        HttpResponse<String> verified = http.postJson("/api/auth/verify-email",
                TestHttp.map("token", MailBox.await(email, "Confirm").token()));
        assertThat(TestHttp.json(verified).get("state").asString()).isEqualTo("PENDING_APPROVAL");

        HttpResponse<String> early = post("/api/auth/login", "198.51.100.42",
                TestHttp.map("email", email, "password", AccountFixtures.PASSWORD));
        assertThat(early.statusCode()).isEqualTo(403);
        assertThat(TestHttp.json(early).get("detail").asString()).contains("approval");

        AccountFixtures.Session admin = fixtures.login(fixtures.anAccount().admin().create());
        String id = fixtures.jdbc().sql("select id from accounts where email = :email").param("email", email)
                .query(String.class).single();
        assertThat(http.postJson("/api/admin/users/" + id + "/approve", "", admin.cookieAndCsrfHeaders()).statusCode())
                .isEqualTo(200);
        assertThat(post("/api/auth/login", "198.51.100.43", TestHttp.map("email", email, "password",
                AccountFixtures.PASSWORD)).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> post(String path, String clientIp, Object body) {
        return http.postJson(path, body, "X-Forwarded-For", clientIp);
    }
}
