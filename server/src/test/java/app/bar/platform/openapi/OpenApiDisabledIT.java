package app.bar.platform.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #14 item 8: without BAR_OPENAPI_ENABLED the document is not served, and there is no UI in any case. */
@BarIntegrationTest
class OpenApiDisabledIT {

    @LocalServerPort
    int port;

    @Test
    void apiDocsWhenNotConfiguredThenNotServed() {
        TestHttp http = new TestHttp(port);
        assertThat(http.get("/v3/api-docs").statusCode()).isEqualTo(404);
        assertThat(http.get("/v3/api-docs.yaml").statusCode()).isEqualTo(404);
        assertThat(http.get("/swagger-ui/index.html").statusCode()).isEqualTo(404);
    }
}
