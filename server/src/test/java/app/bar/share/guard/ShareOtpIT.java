package app.bar.share.guard;

import static app.bar.share.ShareApi.aText;
import static app.bar.share.ShareApi.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.share.ShareIntegrationTest;
import app.bar.support.TestBackends;
import app.bar.support.TestHttp;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Email one-time codes for {@code requireOtp} shares, through a real SMTP server (issue #4 item 9, ASVS 6.5.x). */
@ShareIntegrationTest
class ShareOtpIT {

    private static final Pattern CODE = Pattern.compile("code is (?:<b>)?(\\d{6})");

    @LocalServerPort
    int port;
    ShareApi api;
    GreenMail smtp = TestBackends.smtp();

    @BeforeEach
    void setUp() {
        api = new ShareApi(new TestHttp(port));
    }

    private String otpShare(String recipient) {
        return api.create(aText("otp secret").with("password", "pw-1234").with("requireOtp", true)
                .with("otpEmails", List.of(recipient, "other@example.com"))).id();
    }

    @Test
    void unlockWhenListedEmailThen202AndSixDigitCodeMailed() {
        String recipient = unique("listed");
        String id = otpShare(recipient);
        HttpResponse<String> response = api.unlock(id, Map.of("password", "pw-1234", "email", recipient));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestHttp.json(response).get("status").asString()).isEqualTo("otp_sent");
        assertThat(codeFor(recipient)).matches("\\d{6}");
    }

    @Test
    void unlockWhenPageNamesALanguageThenCodeMailedInItOrInEnglishWhenNotOffered() {
        // issue 17: the page sends its language with the request; the mail follows it, never the sender's
        String recipient = unique("language");
        String id = otpShare(recipient);
        HttpResponse<String> response = api.unlock(id, Map.of("password", "pw-1234", "email", recipient, "language", "tlh"));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(codeFor(recipient)).matches("\\d{6}");
        assertThat(mailsTo(recipient)).singleElement().satisfies(m -> assertThat(m.getSubject()).isEqualTo("Your BAR one-time code"));
    }

    @Test
    void unlockWhenUnlistedEmailThenSameAnswerAndNoMail() {
        String id = otpShare(unique("listed"));
        String stranger = unique("stranger");
        HttpResponse<String> response = api.unlock(id, Map.of("password", "pw-1234", "email", stranger));
        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(response.body()).isEqualTo("{\"status\":\"otp_sent\"}");
        sleep(Duration.ofMillis(500));
        assertThat(mailsTo(stranger)).isEmpty();
    }

    @Test
    void unlockWhenEmailMissingThen400NamingEmail() {
        HttpResponse<String> response = api.unlock(otpShare(unique("x")), Map.of("password", "pw-1234"));
        assertProblem(response, 400, "request.invalid");
        JsonNode error = TestHttp.json(response).path("errors").path(0);
        assertThat(error.path("field").asString()).isEqualTo("email");
        assertThat(error.path("code").asString()).isEqualTo("field.required");
    }

    @Test
    void unlockWhenCodeRightThenTicketAndCodeSingleUse() {
        String recipient = unique("single");
        String id = otpShare(recipient);
        api.unlock(id, Map.of("password", "pw-1234", "email", recipient));
        String code = codeFor(recipient);
        Map<String, Object> withCode = Map.of("password", "pw-1234", "email", recipient, "otp", code);
        String ticket = api.ticket(id, withCode);
        assertThat(api.content(id, ticket).statusCode()).isEqualTo(200);
    }

    @Test
    void unlockWhenCodeReusedThen401() {
        String recipient = unique("reuse");
        String id = api.create(aText("x").with("maxViews", 3).with("requireOtp", true)
                .with("otpEmails", List.of(recipient))).id();
        api.unlock(id, Map.of("email", recipient));
        Map<String, Object> withCode = Map.of("email", recipient, "otp", codeFor(recipient));
        assertThat(api.unlock(id, withCode).statusCode()).isEqualTo(200);
        assertProblem(api.unlock(id, withCode), 401, "otp.invalid");
    }

    @Test
    void unlockWhenCodeWrongFiveTimesThenEvenTheRightCodeFails() {
        String recipient = unique("tries");
        String id = codeOnlyShare(recipient);
        String code = codeFor(recipient);
        String wrong = code.equals("000000") ? "111111" : "000000";
        for (int i = 0; i < 5; i++) {
            assertProblem(api.unlock(id, Map.of("email", recipient, "otp", wrong)), 401, "otp.invalid");
        }
        assertProblem(api.unlock(id, Map.of("email", recipient, "otp", code)), 401, "otp.invalid");
    }

    @Test
    void unlockWhenCodeForAnotherRecipientThen401() {
        String recipient = unique("bound");
        String id = otpShare(recipient);
        api.unlock(id, Map.of("password", "pw-1234", "email", recipient));
        String code = codeFor(recipient);
        assertProblem(api.unlock(id, Map.of("password", "pw-1234", "email", "other@example.com", "otp", code)), 401,
                "otp.invalid");
    }

    @Test
    void unlockWhenPasswordWrongThenNoCodeSent() {
        String recipient = unique("nopw");
        String id = otpShare(recipient);
        assertProblem(api.unlock(id, Map.of("password", "wrong", "email", recipient)), 401, "share.password_wrong");
        sleep(Duration.ofMillis(500));
        assertThat(mailsTo(recipient)).isEmpty();
    }

    @Test
    void unlockWhenCodeHasBlanksAroundItThenAccepted() {
        String recipient = unique("blanks");
        String id = codeOnlyShare(recipient);
        assertThat(api.unlock(id, Map.of("email", recipient, "otp", " " + codeFor(recipient) + "\n")).statusCode())
                .isEqualTo(200);
    }

    @Test
    void unlockWhenCodeIsNotSixDigitsThen401OtpInvalid() {
        String recipient = unique("shape");
        String id = codeOnlyShare(recipient);
        String code = codeFor(recipient);
        assertProblem(api.unlock(id, Map.of("email", recipient, "otp", code + "0")), 401, "otp.invalid");
        assertProblem(api.unlock(id, Map.of("email", recipient, "otp", "１２３４５６")), 401, "otp.invalid");
    }

    /** A share that needs nothing but a one-time code, with a code mailed to {@code recipient} already. */
    private String codeOnlyShare(String recipient) {
        String id = api.create(aText("x").with("requireOtp", true).with("otpEmails", List.of(recipient))).id();
        assertThat(api.unlock(id, Map.of("email", recipient)).statusCode()).isEqualTo(202);
        return id;
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() + "@example.com";
    }

    private String codeFor(String recipient) {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline) {
            for (MimeMessage message : mailsTo(recipient)) {
                Matcher m = CODE.matcher(GreenMailUtil.getBody(message));
                if (m.find()) {
                    return m.group(1);
                }
            }
            sleep(Duration.ofMillis(100));
        }
        throw new AssertionError("no code mailed");
    }

    private List<MimeMessage> mailsTo(String recipient) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equals(recipient));
            } catch (jakarta.mail.MessagingException e) {
                return false;
            }
        }).toList();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
