package app.bar.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;

/** Issue #2 item 13, ASVS 13.4.5: liveness and readiness say up or down and nothing more; actuator is not public. */
@BarIntegrationTest
class HealthIT {

    @LocalServerPort
    int port;

    @Test
    void healthzWhenRunningThenUpWithoutDetail() {
        var response = new TestHttp(port).get("/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void readyzWhenDatabaseRedisAndBlobsReachableThenUpWithoutDetail() {
        var response = new TestHttp(port).get("/readyz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/health", "/actuator/prometheus",
            "/h2-console", "/swagger-ui.html", "/v3/api-docs"})
    void managementEndpointWhenRequestedOnPublicPortThenNotFound(String path) {
        var response = new TestHttp(port).get(path);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
