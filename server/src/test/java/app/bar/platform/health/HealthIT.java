package app.bar.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.junit.jupiter.api.Test;

/** Issue #2 item 13, ASVS 13.4.5: liveness and readiness say up or down and nothing more; actuator is not public. */
@BarIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
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
    void healthzWhenHeadThenUpWithoutBody() {
        var response = new TestHttp(port).method("HEAD", "/healthz");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEmpty();
    }

    @Test
    void healthzWhenCrossOriginThenAnsweredByTheChainTheSame() {
        var response = new TestHttp(port).get("/healthz", "Origin", "https://random.example.test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void healthzWhenOtherMethodThenMethodNotAllowedProblem() {
        var response = new TestHttp(port).method("DELETE", "/healthz");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void healthzWhenProbedThenNotInTheAccessLogWhileReadyzIs(CapturedOutput output) {
        // issue 12: a probe every second must not cost a log line each; /readyz goes the whole way
        TestHttp http = new TestHttp(port);
        HttpResponse<String> live = http.get("/healthz");
        HttpResponse<String> ready = http.get("/readyz");
        String liveId = live.headers().firstValue("X-Request-Id").orElseThrow();
        String readyId = ready.headers().firstValue("X-Request-Id").orElseThrow();
        // the access line is written after the answer went out: wait for /readyz's, then look for /healthz's
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).contains(readyId));
        assertThat(output.getOut()).contains("route=/readyz").doesNotContain(liveId);
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
