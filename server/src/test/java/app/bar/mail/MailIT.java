package app.bar.mail;

import static org.awaitility.Awaitility.await;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.TestBackends;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Mail goes through a real SMTP server (GreenMail); the message is multipart text + escaped HTML. */
@BarIntegrationTest
class MailIT {

    @Autowired
    Mailer mailer;

    @Test
    void sendWhenSmtpConfiguredThenDeliveredWithTextAndEscapedHtml() throws Exception {
        String to = "mail-it-" + System.nanoTime() + "@example.test";
        MailTemplate template = new MailTemplate("Welcome {{name}}", "Hello {{name}}", "<p>Hello {{name}}</p>");
        mailer.send(template.render(to, Map.of("name", "<b>Ann</b>")));

        MimeMessage message = awaitMessageTo(to);
        assertThat(message.getSubject()).isEqualTo("Welcome <b>Ann</b>");
        assertThat(message.getFrom()[0].toString()).contains("bar@example.test");
        assertThat(com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(message))
                .contains("&lt;b&gt;Ann&lt;/b&gt;");
    }

    /** Other tests mail the same server: wait for the message to this recipient. */
    private static MimeMessage awaitMessageTo(String to) {
        return await("a mail to " + to).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> Arrays.stream(TestBackends.smtp().getReceivedMessages()).filter(m -> recipient(m).equals(to))
                        .findFirst(), java.util.Optional::isPresent)
                .orElseThrow();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
