package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/** Issue 12: a refusal with a hold is answered later without a thread waiting, and within bounds. */
class HeldAnswersTests {

    private final HeldAnswers held = new HeldAnswers(new ProblemWriter(JsonMapper.builder().build()));

    @AfterEach
    void close() {
        held.destroy();
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 99})
    void holdWhenTheRefusalHasNoHoldOrOneBelowATenthOfASecondThenAnsweredAtOnceByTheCaller(long millis) {
        MockHttpServletRequest request = asyncRequest();

        assertThat(held.hold(request, new MockHttpServletResponse(), busy(Duration.ofMillis(millis)))).isFalse();
        assertThat(request.isAsyncStarted()).isFalse();
        assertThat(held.held()).isZero();
    }

    @Test
    void holdWhenHeldThenTheThreadReturnsWithTheStatusSetAndTheBodyLater() throws Exception {
        MockHttpServletRequest request = asyncRequest();
        MockHttpServletResponse response = new MockHttpServletResponse();

        assertThat(held.hold(request, response, busy(Duration.ofMillis(200)))).isTrue();

        assertThat(request.isAsyncStarted()).isTrue();
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentAsString()).isEmpty();
        assertThat(request.getAttribute(HeldAnswers.HELD)).isEqualTo(Boolean.TRUE);
        awaitAnswered(response);
        assertThat(response.getContentAsString()).contains("\"code\":\"server.busy\"");
        assertThat(response.getHeader("Retry-After")).isEqualTo("2");
        assertThat(held.held()).isZero();
    }

    @Test
    void holdWhenTheMostAreHeldThenTheNextIsAnsweredAtOnce() {
        for (int i = 0; i < HeldAnswers.MAX_HELD; i++) {
            assertThat(held.hold(asyncRequest(), new MockHttpServletResponse(), busy(Duration.ofSeconds(2)))).isTrue();
        }

        assertThat(held.hold(asyncRequest(), new MockHttpServletResponse(), busy(Duration.ofSeconds(2)))).isFalse();
        assertThat(held.held()).isEqualTo(HeldAnswers.MAX_HELD);
    }

    @Test
    void holdWhenTheRequestCannotGoAsynchronousThenAnsweredAtOnceByTheCaller() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setAsyncSupported(false);

        assertThat(held.hold(request, new MockHttpServletResponse(), busy(Duration.ofSeconds(1)))).isFalse();
        assertThat(held.held()).isZero();
    }

    @Test
    void destroyWhenAnswersAreHeldThenTheyAreSentAtOnce() throws Exception {
        List<MockHttpServletResponse> responses = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            held.hold(asyncRequest(), response, busy(Duration.ofSeconds(2)));
            responses.add(response);
        }

        held.destroy();

        assertThat(responses).allSatisfy(r -> assertThat(r.getContentAsString()).contains("server.busy"));
        assertThat(held.held()).isZero();
    }

    private static BarProblem.Unavailable busy(Duration hold) {
        return new BarProblem.Unavailable(ProblemCodes.SERVER_BUSY, "Busy.", Duration.ofSeconds(2), hold);
    }

    private static MockHttpServletRequest asyncRequest() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/auth/login");
        request.setAsyncSupported(true);
        return request;
    }

    private static void awaitAnswered(MockHttpServletResponse response) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (response.getContentAsString().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
