package app.bar.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/** Readiness fails (503, no detail) when a dependency is down: here a Redis nobody listens on. */
@BarIntegrationTest
@TestPropertySource(properties = "bar.redis.url=redis://127.0.0.1:1")
class ReadinessIT {

    @LocalServerPort
    int port;

    @Test
    void readyzWhenRedisUnreachableThen503WithoutDetail() {
        TestHttp http = new TestHttp(port);
        var response = http.get("/readyz");
        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).isEqualTo("{\"status\":\"DOWN\"}");
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitWhenRedisUnreachableThenStillLimitsOnThisNode() {
        // the api policy is 100000/1m here: requests pass, served by the local fallback rather than failing
        assertThat(new TestHttp(port).get("/api/nothing").statusCode()).isEqualTo(404);
    }
}
