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
        assertProblem(response, 404, "resource.not_found");
        assertThat(response.body()).doesNotContain("SECRET-PATH-MARKER", "does-not-exist", "Exception", "java.");
    }

    @Test
    void malformedJsonWhenPostedThenProblem400WithoutEchoingTheBody() {
        HttpResponse<String> response = http.postJson("/api/test-probe", "{\"name\": \"ECHO-MARKER\", ");
        assertProblem(response, 400, "request.malformed_json");
        assertThat(response.body()).doesNotContain("ECHO-MARKER");
    }

    @Test
    void invalidFieldWhenPostedThenProblem400NamesFieldNotValue() {
        HttpResponse<String> response = http.postJson("/api/test-probe",
                TestHttp.map("name", "A-NAME-FAR-TOO-LONG-FOR-THE-LIMIT", "count", 99));
        JsonNode body = assertProblem(response, 400, "request.invalid");
        assertThat(body.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "count");
        assertThat(body.get("errors").findValuesAsString("code")).containsExactlyInAnyOrder("field.size", "field.out_of_range");
        // the random request id (requestId, instance) may hold "99" by chance: the rest may not
        ((tools.jackson.databind.node.ObjectNode) body).remove(java.util.List.of("requestId", "instance"));
        assertThat(body.toString()).doesNotContain("A-NAME-FAR-TOO-LONG", "99");
    }

    @Test
    void unknownFieldWhenPostedThenProblem400NamingTheField() {
        // issue #10 item 4: {"views":3} must not silently make a 1-view share
        HttpResponse<String> response = http.postJson("/api/test-probe", TestHttp.map("name", "ok", "count", 1, "role", "ADMIN"));
        JsonNode body = assertProblem(response, 400, "request.unknown_field");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("role");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("field.unknown");
        assertThat(response.body()).doesNotContain("ADMIN");
    }

    @Test
    void wrongJsonTypeWhenPostedThenProblem400NamingTheFieldNotTheValue() {
        HttpResponse<String> response = http.postJson("/api/test-probe", "{\"name\": \"ok\", \"count\": \"TYPE-MARKER\"}");
        JsonNode body = assertProblem(response, 400, "request.wrong_type");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("count");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("field.wrong_type");
        assertThat(response.body()).doesNotContain("TYPE-MARKER");
    }

    @Test
    void nestedWrongJsonTypeWhenPostedThenProblemNamesThePath() {
        HttpResponse<String> response = http.postJson("/api/test-probe", "{\"name\": \"ok\", \"count\": 1, \"tags\": [{\"label\": {}}]}");
        JsonNode body = assertProblem(response, 400, "request.wrong_type");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("tags.label");
    }

    @Test
    void wrongQueryParameterTypeWhenSentThenProblem400NamingTheParameterAndNoErrorLog(CapturedOutput output) {
        // issue #21 item 3: a malformed parameter was a 500 with a stack trace at ERROR
        HttpResponse<String> response = http.get("/api/test-probe/page?page=PARAM-MARKER");
        JsonNode body = assertProblem(response, 400, "request.parameter_invalid");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("page");
        assertThat(body.get("errors").get(0).get("code").asString()).isEqualTo("field.wrong_type");
        assertThat(response.body()).doesNotContain("PARAM-MARKER", "NumberFormatException");
        assertThat(output.getOut()).doesNotContain(" ERROR [", "http.unexpected_error");
    }

    @Test
    void missingRequiredParameterWhenSentThenProblem400NamingIt() {
        JsonNode body = assertProblem(http.get("/api/test-probe/page"), 400, "request.parameter_missing");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("page");
    }

    @Test
    void textPlainPostToJsonEndpointThenProblem415() {
        HttpResponse<String> response = http.send(http.request("/api/test-probe")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("name=x")).build());
        assertProblem(response, 415, "media_type.unsupported"); // ASVS 3.5.2: a simple cross-site form cannot reach a JSON endpoint
    }

    @Test
    void wrongMethodThenProblem405WithAllow() {
        HttpResponse<String> response = http.method("DELETE", "/healthz");
        assertProblem(response, 405, "method.not_allowed");
        assertThat(response.headers().firstValue("Allow")).hasValueSatisfying(v -> assertThat(v).contains("GET"));
    }

    @Test
    void protectedEndpointWithoutCredentialsThenProblem401() {
        assertProblem(http.get("/api/account"), 401, "auth.required");
    }

    @Test
    void declaredBodyOverLimitThenProblem413BeforeReading() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpResponse<String> response = http.postJson("/api/test-probe", big);
        assertProblem(response, 413, "request.body_too_large");
    }

    @Test
    void chunkedBodyOverLimitThenProblem413WhileReading() {
        String big = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";
        HttpRequest request = http.request("/api/test-probe").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big.getBytes())))
                .build(); // no length known: sent chunked
        assertProblem(http.send(request), 413, "request.body_too_large");
    }

    @Test
    void bugWhenThrownThenGeneric500WithRequestIdAndDetailsOnlyInLog(CapturedOutput output) {
        HttpResponse<String> response = http.get("/api/test-probe/bug");
        JsonNode body = assertProblem(response, 500, "server.error");
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
        assertThat(TestHttp.json(response).get("code").asString()).isIn("request.malformed", "method.not_allowed");
    }

    private static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        String requestId = response.headers().firstValue("X-Request-Id").orElseThrow();
        JsonNode body = TestHttp.json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("requestId").asString()).isEqualTo(requestId);
        assertThat(body.get("instance").asString()).isEqualTo("urn:bar:request:" + requestId);
        assertThat(body.get("detail").asString()).isNotBlank();
        assertThat(body.get("code").asString()).isEqualTo(code);
        assertThat(body.get("type").asString()).startsWith("urn:bar:problem:");
        assertThat(body.get("title").asString()).isNotBlank();
        return body;
    }
}
