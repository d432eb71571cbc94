package app.bar.share.request;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Reading and answering requests is limited per client IP ({@code bar.rate-limits.request-fill}):
 * past the limit a 429 problem with {@code Retry-After}, so nobody can walk request ids or hammer
 * a request's password.
 */
@BarIntegrationTest
@TestPropertySource(properties = "bar.rate-limits.request-fill=2/1h")
class SecretRequestRateLimitIT {

    @LocalServerPort
    int port;

    @Test
    void openWhenIpOverTheLimitThen429WithRetryAfter() {
        TestHttp http = new TestHttp(port);
        HttpResponse<String> refused = null;
        for (int i = 0; i < 3 && refused == null; i++) {
            HttpResponse<String> answer = http.get("/api/requests/AAAAAAAAAAAAAAAAAAAAAA");
            if (answer.statusCode() == 429) {
                refused = answer;
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(404);
            }
        }
        assertThat(refused).as("the third look-up of the hour at the latest is refused").isNotNull();
        assertThat(refused.body()).contains("\"code\":\"rate_limit.exceeded\"");
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
    }
}
