package app.bar.platform.error;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import app.bar.support.ControllerSliceTest;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.apache.catalina.connector.ClientAbortException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Each domain problem becomes one ProblemDetail shape, with its code, through the one writer. */
@ControllerSliceTest(ProblemHandlerTests.Thrower.class)
@ExtendWith(OutputCaptureExtension.class)
@Import(ProblemHandlerTests.Thrower.class) // a test's nested classes are not scanned
class ProblemHandlerTests {

    @Autowired
    MockMvc mvc;

    @RestController
    static class Thrower {
        @GetMapping("/t/invalid")
        void invalid() {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "displayName", "must be at most 200 characters long");
        }

        @GetMapping("/t/locked")
        void locked() {
            throw new BarProblem.Locked(ProblemCodes.RESOURCE_LOCKED, "Locked for a while.", Duration.ofMillis(1500));
        }

        @GetMapping("/t/not-found")
        void notFound() {
            throw new BarProblem.NotFound();
        }

        @GetMapping("/t/bug")
        void bug() {
            throw new IllegalStateException("jdbc:secret-internal-detail");
        }

        @GetMapping("/t/client-gone")
        void clientGone() throws ClientAbortException {
            throw new ClientAbortException(new java.io.IOException("Broken pipe"));
        }

        @GetMapping("/t/upstream-reset")
        void upstreamReset() {
            throw new IllegalStateException("blob read failed", new java.net.SocketException("Connection reset by peer"));
        }

        @GetMapping("/t/database-away")
        void databaseAway() {
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new SQLTransientConnectionException("HikariPool-1 - Connection is not available, jdbc:secret"));
        }
    }

    @Test
    void handleWhenInvalidThenValidationProblemWithTheFieldAndItsRule() throws Exception {
        mvc.perform(get("/t/invalid"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentType("application/problem+json"))
                .andExpect(header().string("Cache-Control", "no-store"))
                .andExpect(jsonPath("$.type").value("urn:bar:problem:validation"))
                .andExpect(jsonPath("$.title").value("Bad Request"))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.code").value("request.invalid"))
                .andExpect(jsonPath("$.detail").value("The request has invalid fields: displayName."))
                .andExpect(jsonPath("$.errors[0].field").value("displayName"))
                .andExpect(jsonPath("$.errors[0].code").value("field.size"))
                .andExpect(jsonPath("$.errors[0].message").value("must be at most 200 characters long"))
                .andExpect(jsonPath("$.errors[0].min").doesNotExist()) // no bounds given: none written
                .andExpect(jsonPath("$.instance").value(Matchers.startsWith("urn:bar:request:")))
                .andExpect(jsonPath("$.requestId").exists());
    }

    @Test
    void handleWhenDelayedThenRetryAfterInWholeSecondsRoundedUp() throws Exception {
        mvc.perform(get("/t/locked"))
                .andExpect(status().isLocked())
                .andExpect(header().string("Retry-After", "2"))
                .andExpect(jsonPath("$.code").value("resource.locked"))
                .andExpect(jsonPath("$.type").value("urn:bar:problem:locked"));
    }

    @Test
    void handleWhenNotFoundThenTheOneNotFoundBody() throws Exception {
        mvc.perform(get("/t/not-found"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("resource.not_found"))
                .andExpect(jsonPath("$.detail").value("The resource does not exist."))
                .andExpect(jsonPath("$.errors").doesNotExist());
    }

    @Test
    void handleWhenBugThenServerErrorSayingNothingOfIt() throws Exception {
        mvc.perform(get("/t/bug"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("server.error"))
                .andExpect(jsonPath("$.detail").value("An internal error occurred."))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret-internal-detail"))))
                .andExpect(jsonPath("$.exception").doesNotExist());
    }

    @Test
    void handleWhenTheClientWentAwayThenNoAnswerAndNoErrorLine(CapturedOutput output) throws Exception {
        // a cancelled upload or download: Tomcat's ClientAbortException is not a server error
        mvc.perform(get("/t/client-gone"))
                .andExpect(content().string(""));
        assertThat(output.getOut()).contains("http.client_gone error=ClientAbortException")
                .doesNotContain("http.unexpected_error");
    }

    @Test
    void handleWhenAConnectionOfTheServersOwnWasResetThenServerErrorNotClientGone() throws Exception {
        // a reset connection to the database or the blob store is not the client going away
        mvc.perform(get("/t/upstream-reset"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.code").value("server.error"));
    }

    @Test
    void handleWhenDatabaseOutOfReachThenUnavailableWithRetryAfter() throws Exception {
        // issue 11 item 4: a 503 the client may retry, not a 500
        mvc.perform(get("/t/database-away"))
                .andExpect(status().isServiceUnavailable())
                .andExpect(header().string("Retry-After", "5"))
                .andExpect(jsonPath("$.code").value("server.unavailable"))
                .andExpect(jsonPath("$.detail").value("The service is temporarily unavailable."))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret"))));
    }

    @Test
    void handleWhenMethodNotAllowedThenCodeAndAllow() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/t/bug"))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(header().string("Allow", Matchers.containsString("GET")))
                .andExpect(jsonPath("$.code").value("method.not_allowed"));
    }
}
