package app.bar.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Issue 12: a liveness probe is answered before the rest of the chain, and nothing else is. */
class LivenessFilterTests {

    private final LivenessFilter filter = new LivenessFilter((request, response) ->
            response.setHeader("X-Content-Type-Options", "nosniff"));
    private final AtomicBoolean passedOn = new AtomicBoolean();
    private final FilterChain chain = (request, response) -> passedOn.set(true);

    @Test
    void getHealthzWhenProbedThenUpWithoutTheRestOfTheChain() throws Exception {
        MockHttpServletResponse response = run(new MockHttpServletRequest("GET", "/healthz"));
        assertThat(passedOn).isFalse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(response.getContentType()).isEqualTo("application/json");
        assertThat(response.getContentLength()).isEqualTo(15);
    }

    @Test
    void getHealthzWhenProbedThenSecurityHeadersRequestIdAndNoStore() throws Exception {
        MockHttpServletResponse response = run(new MockHttpServletRequest("GET", "/healthz"));
        assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.getHeader("X-Request-Id")).matches("[A-Za-z0-9_-]{16}");
        assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
    }

    @Test
    void headHealthzWhenProbedThenUpWithLengthButNoBody() throws Exception {
        MockHttpServletResponse response = run(new MockHttpServletRequest("HEAD", "/healthz"));
        assertThat(passedOn).isFalse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentLength()).isEqualTo(15);
        assertThat(response.getContentAsByteArray()).isEmpty();
    }

    @Test
    void getHealthzWhenQueryStringThenStillAnswered() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/healthz");
        request.setQueryString("probe=1");
        assertThat(run(request).getStatus()).isEqualTo(200);
        assertThat(passedOn).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"POST", "DELETE", "PUT", "OPTIONS", "TRACE"})
    void otherMethodWhenOnHealthzThenPassedOnToTheChain(String method) throws Exception {
        run(new MockHttpServletRequest(method, "/healthz"));
        assertThat(passedOn).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/healthz/", "/healthz;jsessionid=x", "/HEALTHZ", "/healthz.json", "//healthz", "/readyz",
            "/%68ealthz", "/api/healthz"})
    void otherPathWhenGetThenPassedOnToTheChain(String path) throws Exception {
        run(new MockHttpServletRequest("GET", path));
        assertThat(passedOn).isTrue();
    }

    @ParameterizedTest
    @CsvSource({"Origin, https://app.example.test", "Transfer-Encoding, chunked"})
    void getHealthzWhenCrossOriginOrChunkedBodyThenPassedOnToTheChain(String header, String value) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/healthz");
        request.addHeader(header, value);
        run(request);
        assertThat(passedOn).isTrue();
    }

    @Test
    void getHealthzWhenItCarriesABodyThenPassedOnToTheSlowBodyDefence() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/healthz");
        request.setContent(new byte[] {'x'});
        run(request);
        assertThat(passedOn).isTrue();
    }

    @Test
    void getHealthzWhenContentLengthZeroThenStillAnswered() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/healthz");
        request.setContent(new byte[0]);
        request.addHeader("Content-Length", "0");
        assertThat(run(request).getStatus()).isEqualTo(200);
        assertThat(passedOn).isFalse();
    }

    @Test
    void getHealthzWhenUnderContextPathThenAnsweredThere() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/bar/healthz");
        request.setContextPath("/bar");
        assertThat(run(request).getStatus()).isEqualTo(200);
        assertThat(passedOn).isFalse();
    }

    private MockHttpServletResponse run(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, chain);
        return response;
    }
}
