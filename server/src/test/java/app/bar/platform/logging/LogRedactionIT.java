package app.bar.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import bartest.probe.DiagnosticRequestLogger;
import bartest.probe.ProbeEndpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue #2 item 9, ASVS 16.2.5: a request carrying a password, a bearer token and a cookie —
 * logged whole by a careless diagnostic filter and by Spring at TRACE — leaves none of them in
 * the log; the email in it appears only redacted.
 */
@BarIntegrationTest
@Import({ProbeEndpoints.class, DiagnosticRequestLogger.class})
@TestPropertySource(properties = {
        "spring.mvc.log-request-details=true",
        "logging.level.org.springframework.web.servlet.DispatcherServlet=TRACE",
        "logging.level.org.springframework.web.servlet.mvc.method.annotation=TRACE"})
@ExtendWith(OutputCaptureExtension.class)
class LogRedactionIT {

    private static final String PASSWORD = "Correct-Horse-Battery-9";
    private static final String BEARER = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXZhbHVl";
    private static final String OPAQUE_BEARER = "bar_mt_opaqueManageTokenValue123";
    private static final String COOKIE = "cookieValueXyz789";

    @LocalServerPort
    int port;

    @Test
    void requestWhenCarryingSecretsThenNoneReachesTheLog(CapturedOutput output) {
        TestHttp http = new TestHttp(port);
        var response = http.postJson("/api/test-probe",
                "{\"name\":\"john.doe@example.com\",\"count\":1,\"password\":\"" + PASSWORD + "\"}",
                "Authorization", "Bearer " + OPAQUE_BEARER, "Cookie", "__Host-bar_access=" + COOKIE + "; theme=dark");
        assertThat(response.statusCode()).isEqualTo(200);
        http.postJson("/api/test-probe", "{\"password\":\"" + PASSWORD + "\", broken");
        http.get("/api/account", "Authorization", "Bearer " + BEARER); // a forged JWT: refused, headers still logged

        String log = output.getAll();
        assertThat(log).contains("diagnostic.request"); // the careless logger did run
        assertThat(log).doesNotContain(PASSWORD, BEARER, OPAQUE_BEARER, COOKIE, "john.doe@example.com");
        assertThat(log).contains("j***@example.com");
    }
}
