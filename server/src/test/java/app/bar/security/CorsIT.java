package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * ASVS 3.4.2: CORS from an exact allow-list, compared by canonical origin and answered in the
 * list's own (canonical) spelling; never '*' with credentials. The entry is spelled loosely on
 * purpose: it is made canonical at start-up.
 */
@BarIntegrationTest
@TestPropertySource(properties = "bar.http.allowed-origins=HTTPS://App.Example.test:443/, *")
class CorsIT {

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    @Test
    void preflightWhenOriginAllowedThenEchoedWithCredentials() {
        HttpResponse<String> response = preflight("https://app.example.test");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.test");
        assertThat(response.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void preflightWhenOriginNotListedThenRefusedAsProblem() {
        HttpResponse<String> response = preflight("https://evil.example.test");
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(TestHttp.json(response).get("code").asString()).isEqualTo("cors.origin_denied");
    }

    @Test
    void preflightWhenNonCanonicalSpellingOfAllowedOriginThenAnsweredWithConfiguredSpellingNotEchoed() {
        // issue #21 item 4: trailing slash, upper case, the default port
        for (String spelling : new String[] {"https://app.example.test/", "HTTPS://APP.EXAMPLE.TEST", "https://app.example.test:443"}) {
            HttpResponse<String> response = preflight(spelling);
            assertThat(response.statusCode()).as(spelling).isEqualTo(200);
            assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).as(spelling)
                    .hasValue("https://app.example.test");
        }
    }

    @Test
    void preflightWhenAllowedHostOnAnotherPortOrSchemeThenRefused() {
        assertThat(preflight("https://app.example.test:8443").statusCode()).isEqualTo(403);
        assertThat(preflight("http://app.example.test").statusCode()).isEqualTo(403);
    }

    @Test
    void wildcardWhenConfiguredThenNeverSentWithCredentials() {
        HttpResponse<String> response = http.get("/healthz", "Origin", "https://random.example.test");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void simpleRequestWhenOriginAllowedThenExposesRequestId() {
        HttpResponse<String> response = http.get("/api/nothing", "Origin", "https://app.example.test");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).hasValue("https://app.example.test");
        assertThat(response.headers().firstValue("Access-Control-Expose-Headers"))
                .hasValueSatisfying(v -> assertThat(v).contains("X-Request-Id"));
    }

    private HttpResponse<String> preflight(String origin) {
        return http.method("OPTIONS", "/api/shares", "Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "Content-Type");
    }
}
