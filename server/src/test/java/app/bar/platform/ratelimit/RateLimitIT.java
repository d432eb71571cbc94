package app.bar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import app.bar.support.TestNodes;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * DESIGN.md §4: named per-IP limits answer 429 problems with Retry-After, are recorded as
 * {@code rate_limit.exceeded}, cannot be dodged with a forged X-Forwarded-For (ASVS 4.1.3), and
 * — on the Redis backend — hold across nodes.
 */
@BarIntegrationTest
@TestPropertySource(properties = {"bar.rate-limits.api=3/1h", "bar.rate-limits.login=2/1m"})
class RateLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RateLimiter limiter;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    @Test
    void loginWhenOverPolicyThen429ProblemWithRetryAfterAndEvent() {
        for (int i = 0; i < 2; i++) {
            assertThat(http.postJson("/api/auth/login", Map.of()).statusCode()).isNotEqualTo(429);
        }
        HttpResponse<String> refused = http.postJson("/api/auth/login", Map.of());
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
        String requestId = refused.headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(jdbc.sql("select count(*) from security_events where type = 'rate_limit.exceeded' and request_id = :id")
                .param("id", requestId).query(Long.class).single()).isEqualTo(1L);
    }

    @Test
    void forwardedForWhenPeerUntrustedThenSameBucket() {
        // every request here comes from 127.0.0.1, which is not a trusted proxy in this context
        int refused = 0;
        for (int i = 0; i < 6; i++) {
            HttpResponse<String> r = http.get("/api/anything-" + i, "X-Forwarded-For", "198.51.100." + i);
            if (r.statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(3);
    }

    @Test
    @EnabledIfSystemProperty(named = "bar.it.backend", matches = "external")
    void limiterWhenRedisConfiguredThenSharedAcrossNodes() {
        assertThat(TestBackends.redisUrl()).as("the external backend runs with BAR_TEST_REDIS_URL").isNotNull();
        // The buckets below are shared only when both nodes limit through Redis: with in-process
        // limiters the third try (the first node's second) would still pass. The limiter bean is
        // a decorator (metrics, Redis breaker), so its class name proves nothing.
        RatePolicy two = RatePolicy.of("2/1h");
        String key = "ip:cross-node-" + System.nanoTime();
        try (TestNodes.Node other = TestNodes.start(Map.of())) {
            RateLimiter otherLimiter = other.context().getBean(RateLimiter.class);
            assertThat(limiter.tryConsume("probe", two, key)).isZero();
            assertThat(otherLimiter.tryConsume("probe", two, key)).isZero();
            assertThat(limiter.tryConsume("probe", two, key)).isPositive();
            assertThat(otherLimiter.tryConsume("probe", two, key)).isPositive();
        }
    }
}
