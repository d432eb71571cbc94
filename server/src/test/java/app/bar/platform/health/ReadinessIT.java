package app.bar.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * A Redis nobody listens on: the node serves on in-process limits and stays ready (issue 11 item 5:
 * a degraded cache must not take every node out of the load balancer). A database out of reach does
 * make it unready: DatabaseOutageIT, HealthControllerTests.
 */
@BarIntegrationTest
@TestPropertySource(properties = "bar.redis.url=redis://127.0.0.1:1")
class ReadinessIT {

    @LocalServerPort
    int port;

    @Test
    void readyzWhenRedisUnreachableThenStillUpWithoutDetail() {
        TestHttp http = new TestHttp(port);
        var response = http.get("/readyz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http.get("/healthz").statusCode()).isEqualTo(200);
    }

    @Test
    void rateLimitWhenRedisUnreachableThenStillLimitsOnThisNode() {
        // the api policy is 100000/1m here: requests pass, served by the local fallback rather than failing
        assertThat(new TestHttp(port).get("/api/nothing").statusCode()).isEqualTo(404);
    }
}
