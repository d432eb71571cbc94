package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import bartest.probe.ProbeEndpoints;
import app.bar.support.TestHttp;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

/**
 * Every error is RFC 9457 problem+json with the request id and nothing of the request echoed
 * back (ASVS 16.5.1/16.5.3; issue #2 item 8).
 */
@BarIntegrationTest
@Import(ProbeEndpoints.class)
@ExtendWith(OutputCaptureExtension.class)
class ErrorResponsesIT {

    @LocalServerPort
    int port;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    @Test
    void unknownApiPathWhenRequestedThenProblem404WithoutPathOrClassNames() {
        HttpResponse<String> response = http.get("/api/does-not-exist/SECRET-PATH-MARKER");
        assertProblem(response, 404);
        assertThat(response.body()).doesNotContain("SECRET-PATH-MARKER", "does-not-exist", "Exception", "java.");
    }

    @Test
    void malformedJsonWhenPostedThenProblem400WithoutEchoingTheBody() {
        HttpResponse<String> response = http.postJson("/api/test-probe", "{\"name\": \"ECHO-MARKER\", ");
        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("ECHO-MARKER");
    }

    @Test
    void invalidFieldWhenPostedThenProblem400NamesFieldNotValue() {
        HttpResponse<String> response = http.postJson("/api/test-probe",
                TestHttp.map("name", "A-NAME-FAR-TOO-LONG-FOR-THE-LIMIT", "count", 99));
        JsonNode body = assertProblem(response, 400);
        assertThat(body.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "count");
        assertThat(response.body()).doesNotContain("A-NAME-FAR-TOO-LONG", "99");
    }

    @Test
    void unknownFieldWhenPostedThenIgnored() {
        HttpResponse<String> response = http.postJson("/api/test-probe", TestHttp.map("name", "ok", "count", 1, "role", "ADMIN"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).doesNotContain("ADMIN");
    }

    @Test
    void textPlainPostToJsonEndpointThenProblem415() {
        HttpResponse<String> response = http.send(http.request("/api/test-probe")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        assertProblem(response, 415); // ASVS 3.5.2: a simple cross-site form cannot reach a JSON endpoint
    }

    @Test
    void wrongMethodThenProblem405WithAllow() {
        HttpResponse<String> response = http.method("DELETE", "/healthz");
        assertProblem(response, 405);
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    @Test
    void protectedEndpointWithoutCredentialsThenProblem401() {
        assertProblem(http.get("/api/account"), 401);
    }

    @Test
    void declaredBodyOverLimitThenProblem413BeforeReading() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> response = http.postJson("/api/test-probe", big);
        assertProblem(response, 413);
    }

    @Test
    void chunkedBodyOverLimitThenProblem413WhileReading() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpRequest request = http.request("/api/test-probe").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build(); // no length known: sent chunked
        assertProblem(http.send(request), 413);
    }

    @Test
    void bugWhenThrownThenGeneric500WithRequestIdAndDetailsOnlyInLog(CapturedOutput output) {
        HttpResponse<String> response = http.get("/api/test-probe/bug");
        JsonNode body = assertProblem(response, 500);
        assertThat(body.get("detail").asString()).isEqualTo("An internal error occurred.");
        assertThat(response.body()).doesNotContain(ProbeEndpoints.BUG_MESSAGE, "IllegalStateException", "at app.bar");
        String requestId = body.get("requestId").asString();
        assertThat(output.getOut()).contains("http.unexpected_error").contains(requestId).contains("IllegalStateException");
    }

    @Test
    void traceWhenSentThenRefusedAsProblem() {
        HttpResponse<String> response = http.method("TRACE", "/healthz", "Cookie", "TRACE-COOKIE-MARKER=1");
        assertThat(response.statusCode()).isIn(400, 405);
        assertThat(response.body()).doesNotContain("TRACE-COOKIE-MARKER");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("requestId").asString()).isEqualTo(requestId);
        assertThat(body.get("instance").asString()).isEqualTo("urn:bar:request:" + requestId);
        assertThat(body.get("detail").asString()).isNotBlank();
        return body;
    }
}
