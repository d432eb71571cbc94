package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import bartest.probe.ProbeEndpoints;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * ASVS 3.4.1–3.4.6, 16.5: the security headers are on every response — pages, JSON, and
 * every kind of error — and the embedded default sends no HSTS (it is plain HTTP).
 */
@BarIntegrationTest
@Import(ProbeEndpoints.class)
class SecurityHeadersIT {

    @LocalServerPort
    int port;
    static TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    static Stream<Arguments> responses() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        return Stream.of(
                Arguments.of("landing page", (Supplier<HttpResponse<String>>) () -> http.get("/")),
                Arguments.of("stylesheet", (Supplier<HttpResponse<String>>) () -> http.get("/css/bar.css")),
                Arguments.of("health", (Supplier<HttpResponse<String>>) () -> http.get("/healthz")),
                Arguments.of("401", (Supplier<HttpResponse<String>>) () -> http.get("/api/account")),
                Arguments.of("404", (Supplier<HttpResponse<String>>) () -> http.get("/api/nothing-here")),
                Arguments.of("405", (Supplier<HttpResponse<String>>) () -> http.method("DELETE", "/healthz")),
                Arguments.of("413", (Supplier<HttpResponse<String>>) () -> http.postJson("/api/test-probe", big)),
                Arguments.of("500", (Supplier<HttpResponse<String>>) () -> http.get("/api/test-probe/bug")),
                Arguments.of("firewall", (Supplier<HttpResponse<String>>) () -> http.get("/api/%2e%2e/%2e%2e/etc/passwd")),
                Arguments.of("TRACE", (Supplier<HttpResponse<String>>) () -> http.method("TRACE", "/")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("responses")
    void responseWhenAnyThenCarriesSecurityHeaders(String name, Supplier<HttpResponse<String>> call) {
        HttpHeaders headers = call.get().headers();
        String csp = headers.firstValue("Content-Security-Policy").orElse("");
        assertThat(csp).contains("default-src 'none'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(headers.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(headers.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(headers.firstValue("Permissions-Policy")).hasValueSatisfying(v -> assertThat(v).contains("camera=()"));
        assertThat(headers.firstValue("Cross-Origin-Opener-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("Cross-Origin-Resource-Policy")).hasValue("same-origin");
        assertThat(headers.firstValue("X-Request-Id")).isPresent();
        assertThat(headers.firstValue("X-Powered-By")).isEmpty();
        assertThat(headers.firstValue("Server")).isEmpty();
    }

    @Test
    void embeddedDefaultWhenPlainHttpThenNoHsts() {
        assertThat(http.get("/").headers().firstValue("Strict-Transport-Security")).isEmpty();
    }

    @Test
    void landingPageWhenServedThenHasNoInlineScriptOrStyle() {
        String page = http.get("/").body();
        assertThat(page).doesNotContain("<script>", "style=", "<style").contains("/css/bar.css");
    }

    @Test
    void requestIdWhenClientSendsOneThenIgnored() {
        HttpResponse<String> response = http.get("/healthz", "X-Request-Id", "forged-by-the-client");
        assertThat(response.headers().firstValue("X-Request-Id")).hasValueSatisfying(
                id -> assertThat(id).matches("[A-Za-z0-9_-]{16}"));
    }
}
