package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProblemsTests {

    private static JsonNode problem(String json) {
        return Api.JSON.readTree(json);
    }

    @Test
    void failureWhenMailAddressRefusedThenUsageNamingTheFieldAndTheRule() {
        CliFailure f = Problems.failure(400, null, problem("{\"code\":\"request.invalid\",\"detail\":\"The request has invalid "
                + "fields: to[1].\",\"errors\":[{\"field\":\"to[1]\",\"code\":\"field.format\",\"message\":\"is not one "
                + "plain address\"}]}"), Problems.Step.MAIL);
        assertThat(f.exitCode()).isEqualTo(Exit.USAGE);
        assertThat(f.getMessage()).contains("to[1] is not one plain address").contains("--to takes plain addresses");
    }

    @Test
    void failureWhenMailRateLimitedThenWaitNamingTheWait() {
        CliFailure f = Problems.failure(429, 1800L, problem("{\"code\":\"rate_limit.exceeded\"}"), Problems.Step.MAIL);
        assertThat(f.exitCode()).isEqualTo(Exit.WAIT);
        assertThat(f.getMessage()).startsWith("too many link mails").contains("30");
    }

    @Test
    void failureWhenRequestPasswordWrongThenDeniedNamingTriesLeft() {
        CliFailure f = Problems.failure(401, null, problem("{\"code\":\"request.password_wrong\",\"attemptsLeft\":3}"),
                Problems.Step.FILL);
        assertThat(f.exitCode()).isEqualTo(Exit.DENIED);
        assertThat(f.getMessage()).startsWith("wrong password for this request").contains("3 tries left");
    }

    @Test
    void failureWhenRequestAnswered404ThenGoneSayingItCannotBeAnswered() {
        CliFailure f = Problems.failure(404, null, problem("{\"code\":\"resource.not_found\"}"), Problems.Step.FILL);
        assertThat(f.exitCode()).isEqualTo(Exit.GONE);
        assertThat(f.getMessage()).startsWith("the request cannot be answered");
    }

    @Test
    void failureWhen404ThenGone() {
        assertThat(Problems.failure(404, null, null, Problems.Step.SHARE).exitCode()).isEqualTo(Exit.GONE);
    }

    @Test
    void failureWhenUnlock401ThenDeniedAsWrongPassword() {
        CliFailure f = Problems.failure(401, null, problem("{\"detail\":\"The password is wrong.\"}"), Problems.Step.UNLOCK);
        assertThat(f.exitCode()).isEqualTo(Exit.DENIED);
        assertThat(f.getMessage()).startsWith("wrong password");
    }

    @Test
    void failureWhenLinkKeyWrongThenDeniedAsDamagedLinkNotWrongPassword() {
        CliFailure f = Problems.failure(401, null, problem("{\"code\":\"share.link_key_wrong\"}"), Problems.Step.UNLOCK);
        assertThat(f.exitCode()).isEqualTo(Exit.DENIED);
        assertThat(f.getMessage()).startsWith("the link is damaged").contains("no view was used");
    }

    @Test
    void failureWhenUnlock401AboutTheCodeThenDeniedAsWrongOtp() {
        CliFailure f = Problems.failure(401, null, problem("{\"detail\":\"The one-time code is wrong, used or expired.\"}"),
                Problems.Step.UNLOCK);
        assertThat(f.exitCode()).isEqualTo(Exit.DENIED);
        assertThat(f.getMessage()).startsWith("the one-time code is wrong");
    }

    @Test
    void failureWhenOtpStepRefusedWithGenericCodeThenDeniedAsWrongOtp() {
        CliFailure f = Problems.failure(401, null, problem("{\"code\":\"auth.required\",\"detail\":\"Authentication is required.\"}"),
                Problems.Step.OTP);
        assertThat(f.exitCode()).isEqualTo(Exit.DENIED);
        assertThat(f.getMessage()).startsWith("the one-time code is wrong");
    }

    @Test
    void failureWhenGenericCodesOfTodaysServerThenStatusAndCodeAgree() {
        assertThat(Problems.failure(404, null, problem("{\"code\":\"resource.not_found\"}"), Problems.Step.SHARE).exitCode())
                .isEqualTo(Exit.GONE);
        assertThat(Problems.failure(423, 60L, problem("{\"code\":\"resource.locked\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.WAIT);
        assertThat(Problems.failure(429, 2L, problem("{\"code\":\"rate_limit.exceeded\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.WAIT);
        assertThat(Problems.failure(503, 2L, problem("{\"code\":\"server.busy\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.WAIT);
        assertThat(Problems.failure(401, null, problem("{\"code\":\"auth.required\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.DENIED);
        assertThat(Problems.failure(408, null, problem("{\"code\":\"request.timeout\"}"), Problems.Step.UPLOAD).exitCode())
                .isEqualTo(Exit.FAILED);
    }

    @Test
    void failureWhenLocked423ThenWaitNamingTheTime() {
        CliFailure f = Problems.failure(423, 3540L, null, Problems.Step.UNLOCK);
        assertThat(f.exitCode()).isEqualTo(Exit.WAIT);
        assertThat(f.getMessage()).endsWith("try again in 59 min");
    }

    @Test
    void failureWhen429ThenWaitNamingTheSeconds() {
        CliFailure f = Problems.failure(429, 4L, null, Problems.Step.UNLOCK);
        assertThat(f.exitCode()).isEqualTo(Exit.WAIT);
        assertThat(f.getMessage()).isEqualTo("too many tries: wait and try again in 4 s");
    }

    @Test
    void failureWhen503WithRetryAfterThenWaitElseFailed() {
        assertThat(Problems.failure(503, 2L, null, Problems.Step.UNLOCK).exitCode()).isEqualTo(Exit.WAIT);
        assertThat(Problems.failure(503, null, null, Problems.Step.UNLOCK).exitCode()).isEqualTo(Exit.FAILED);
    }

    @Test
    void failureWhen500ThenFailedWithTheRequestId() {
        CliFailure f = Problems.failure(500, null, problem("{\"detail\":\"An internal error occurred.\",\"requestId\":\"r-42\"}"),
                Problems.Step.SHARE);
        assertThat(f.exitCode()).isEqualTo(Exit.FAILED);
        assertThat(f.getMessage()).contains("request id r-42");
    }

    @Test
    void failureWhen400ThenUsageNamingTheFields() {
        CliFailure f = Problems.failure(400, null, problem("{\"detail\":\"Invalid request\",\"errors\":[{\"field\":\"expiresIn\","
                + "\"message\":\"must be between 60 and 604800 seconds\"}]}"), Problems.Step.SHARE);
        assertThat(f.exitCode()).isEqualTo(Exit.USAGE);
        assertThat(f.getMessage()).endsWith("expiresIn must be between 60 and 604800 seconds");
    }

    @Test
    void failureWhenContent401ThenTicketExpiredAndNotDenied() {
        CliFailure f = Problems.failure(401, null, problem("{\"detail\":\"The ticket is invalid, used or expired; unlock again.\"}"),
                Problems.Step.CONTENT);
        assertThat(f.exitCode()).isEqualTo(Exit.FAILED);
        assertThat(f.getMessage()).contains("run the command again");
    }

    @Test
    void failureWhenCodePresentThenCodeDecidesOverStatus() {
        assertThat(Problems.failure(401, 60L, problem("{\"code\":\"share.locked\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.WAIT);
        assertThat(Problems.failure(400, null, problem("{\"code\":\"otp.invalid\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.DENIED);
        assertThat(Problems.failure(401, null, problem("{\"code\":\"ticket.expired\"}"), Problems.Step.UNLOCK).exitCode())
                .isEqualTo(Exit.FAILED);
        assertThat(Problems.failure(503, 3L, problem("{\"code\":\"share.retry_later\"}"), Problems.Step.CONTENT).exitCode())
                .isEqualTo(Exit.WAIT);
        assertThat(Problems.failure(400, null, problem("{\"code\":\"request.invalid\",\"detail\":\"bad\"}"), Problems.Step.SHARE)
                .exitCode()).isEqualTo(Exit.USAGE);
    }

    @Test
    void failureWhenUnknownCodeThenStatusDecides() {
        assertThat(Problems.failure(404, null, problem("{\"code\":\"something.new\"}"), Problems.Step.SHARE).exitCode())
                .isEqualTo(Exit.GONE);
    }
}
