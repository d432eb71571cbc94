package app.bar.share.owner;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.mail.MailProperties;
import app.bar.mail.Outbox;
import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The embedded default without SMTP (issue 18 item 4): a mailed share link is an {@code .eml}
 * file in the dev outbox, and a zero-knowledge share's link there has no key either.
 */
@BarIntegrationTest
@TestPropertySource(properties = "bar.mail.smtp.host=")
class ShareLinkMailOutboxIT {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    MailProperties mail;

    @Test
    void mailWhenNoSmtpThenTheOutboxHoldsTheNoticeWithoutTheKey() throws Exception {
        ShareApi api = new ShareApi(new TestHttp(port), context);
        ShareApi.Created share = api.create(ShareApi.aFile("plan.pdf").zeroKnowledge(), api.as("outbox-owner"));
        assertThat(api.upload(share.id(), share.manageToken(), new byte[300]).statusCode()).isEqualTo(200);
        String to = "outbox-" + System.nanoTime() + "@example.test";
        HttpResponse<String> sent = api.http().postJson("/api/shares/" + share.id() + "/mail",
                Map.of("to", List.of(to), "note", "from the outbox test"), api.as("outbox-owner"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        MimeMessage message = Outbox.awaitMailTo(mail.outbox(), to);
        String text = part(message.getContent(), "text/plain");
        String html = part(message.getContent(), "text/html");
        assertThat(message.getSubject()).contains("sent you a secret on");
        assertThat(text).contains("https://bar.example.test/s/" + share.id(), "from the outbox test",
                "its key was left out of this mail");
        assertThat(text + html).doesNotContain("#", ShareApi.LINK_ACCESS_KEY, share.manageToken());
    }

    private static String part(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = body.isMimeType(type) ? (String) body.getContent() : part(body.getContent(), type);
                if (!found.isEmpty()) {
                    return found;
                }
            }
        }
        return "";
    }
}
