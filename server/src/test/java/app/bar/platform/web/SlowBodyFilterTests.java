package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemWriter;
import jakarta.servlet.FilterChain;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

class SlowBodyFilterTests {

    private long now;
    private final SlowBodyFilter filter = new SlowBodyFilter(
            new SlowBodyProperties(1, DataSize.ofKilobytes(1), Duration.ofSeconds(10), Duration.ofSeconds(2)),
            problemWriter(), (request, response) -> response.setHeader("Content-Security-Policy", "test-policy"),
            () -> now);

    @Test
    void aSecondBodyFromTheSameClientWhileOneIsReadIsRefusedWith429AndRetryAfter() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        FilterChain whileReading = (request, response) -> filter.doFilter(upload("10.0.0.1"), refused, (r, s) -> {
            throw new AssertionError("must not reach the application");
        });

        filter.doFilter(upload("10.0.0.1"), new MockHttpServletResponse(), whileReading);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("\"code\":\"rate_limit.concurrent_bodies\"");
        assertThat(refused.getHeader("Retry-After")).isEqualTo("2");
        assertThat(refused.getHeader("Connection")).isEqualTo("close");
    }

    @Test
    void theRefusalForTooManyBodiesCarriesTheSecurityHeadersSpringSecurityHasNotWrittenYet() throws Exception {
        MockHttpServletResponse refused = new MockHttpServletResponse();
        FilterChain whileReading = (request, response) -> filter.doFilter(upload("10.0.0.1"), refused, (r, s) -> { });

        filter.doFilter(upload("10.0.0.1"), new MockHttpServletResponse(), whileReading);

        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getHeader("Content-Security-Policy")).isEqualTo("test-policy");
    }

    @Test
    void aBodyReadToItsEndNoLongerCountsWhileItsResponseIsWritten() throws Exception {
        // a download asks with a small JSON body (its ticket), then streams for minutes
        MockHttpServletResponse next = new MockHttpServletResponse();
        boolean[] reached = {false};
        FilterChain readThenStream = (request, response) -> {
            request.getInputStream().readAllBytes();
            filter.doFilter(upload("10.0.0.1"), next, (r, s) -> reached[0] = true);
        };

        filter.doFilter(upload("10.0.0.1"), new MockHttpServletResponse(), readThenStream);

        assertThat(reached[0]).as("the second body is admitted once the first was read").isTrue();
        assertThat(filter.inFlight("10.0.0.1")).isZero();
    }

    @Test
    void anotherClientIsNotCountedAgainstTheFirst() throws Exception {
        MockHttpServletResponse other = new MockHttpServletResponse();
        boolean[] reached = {false};
        FilterChain whileReading = (request, response) -> filter.doFilter(upload("10.0.0.2"), other,
                (r, s) -> reached[0] = true);

        filter.doFilter(upload("10.0.0.1"), new MockHttpServletResponse(), whileReading);

        assertThat(reached[0]).isTrue();
        assertThat(filter.inFlight("10.0.0.1")).isZero();
    }

    @Test
    void aBodyBelowTheMinimumRateAfterTheGraceIsAnswered408TooSlowAndClosed() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(upload("10.0.0.1"), response, (request, ignored) -> {
            InputStream in = request.getInputStream();
            in.read();
            now += TimeUnit.SECONDS.toNanos(11);
            in.read(); // 2 bytes in 11 s
            throw new AssertionError("the read must fail");
        });

        assertThat(response.getStatus()).isEqualTo(408);
        assertThat(response.getContentAsString()).contains("\"code\":\"request.too_slow\"");
        assertThat(response.getHeader("Connection")).isEqualTo("close");
        assertThat(filter.inFlight("10.0.0.1")).isZero();
    }

    @Test
    void theTooSlowAnswerWritesTheSecurityHeadersAgainAfterResettingTheResponse() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(upload("10.0.0.1"), response, (request, chainResponse) -> {
            ((jakarta.servlet.http.HttpServletResponse) chainResponse).setHeader("X-Written-By-The-Chain", "yes");
            InputStream in = request.getInputStream();
            in.read();
            now += TimeUnit.SECONDS.toNanos(11);
            in.read();
        });

        assertThat(response.getStatus()).isEqualTo(408);
        assertThat(response.getHeader("X-Written-By-The-Chain")).as("the reset answer starts clean").isNull();
        assertThat(response.getHeader("Content-Security-Policy")).isEqualTo("test-policy");
    }

    @Test
    void theTooSlowReadThrowsTheProblemToTheApplication() throws Exception {
        filter.doFilter(upload("10.0.0.1"), new MockHttpServletResponse(), (request, ignored) -> {
            now += TimeUnit.SECONDS.toNanos(11);
            assertThatThrownBy(() -> request.getInputStream().read(new byte[8], 0, 8))
                    .isInstanceOf(BarProblem.RequestTimeout.class);
        });
    }

    @Test
    void aRequestWithoutABodyIsNeitherCountedNorWrapped() throws Exception {
        MockHttpServletRequest get = new MockHttpServletRequest("GET", "/healthz");
        FilterChain whileHealthz = (request, response) -> {
            assertThat(request).isSameAs(get);
            assertThat(filter.inFlight("127.0.0.1")).isZero();
        };
        filter.doFilter(get, new MockHttpServletResponse(), whileHealthz);
    }

    private static MockHttpServletRequest upload(String ip) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/shares");
        request.setAttribute(ClientIp.ATTRIBUTE, ip);
        byte[] body = new byte[1000];
        request.setContent(body);
        return request;
    }

    private static ProblemWriter problemWriter() {
        try {
            Constructor<ProblemWriter> constructor = ProblemWriter.class.getDeclaredConstructor(JsonMapper.class);
            constructor.setAccessible(true); // package-private: built by Spring in the application
            return constructor.newInstance(JsonMapper.builder().build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
