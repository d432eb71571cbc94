package app.bar.share.owner;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A mailed link the SMTP server does not take (issue 18 item 4): nothing listens on the configured
 * port, so the mail module cannot hand the message over; the owner's access log then shows a
 * {@code link_mail_failed} row after the {@code link_mailed} one, and names no address.
 */
@BarIntegrationTest
class ShareLinkMailFailureIT {

    @DynamicPropertySource
    static void unreachableSmtp(DynamicPropertyRegistry registry) {
        registry.add("bar.mail.smtp.host", () -> "127.0.0.1");
        registry.add("bar.mail.smtp.port", ShareLinkMailFailureIT::closedPort);
    }

    /** A port that was free a moment ago: connecting to it is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void mailWhenSmtpRefusesThenOwnersAccessLogRecordsTheFailureWithoutTheAddress() {
        ShareApi api = new ShareApi(new TestHttp(port), context);
        ShareApi.Created share = api.create(ShareApi.aFile("plan.pdf").zeroKnowledge(), api.as("failing-owner"));
        assertThat(api.upload(share.id(), share.manageToken(), new byte[300]).statusCode()).isEqualTo(200);
        String to = "unreachable-" + System.nanoTime() + "@example.test";
        HttpResponse<String> sent = api.http().postJson("/api/shares/" + share.id() + "/mail",
                Map.of("to", List.of(to)), api.as("failing-owner"));
        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(202);

        List<String> outcomes = Awaitility.await("a link_mail_failed row").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200)).until(() -> outcomes(api, share.id()), o -> o.contains("link_mail_failed"));
        assertThat(outcomes).containsExactly("link_mailed", "link_mail_failed");
        assertThat(api.http().get("/api/shares/" + share.id() + "/events", api.as("failing-owner")).body())
                .doesNotContain(to, "example.test");
    }

    private static List<String> outcomes(ShareApi api, String id) {
        List<String> outcomes = new ArrayList<>();
        TestHttp.json(api.http().get("/api/shares/" + id + "/events", api.as("failing-owner")))
                .get("events").forEach(e -> outcomes.add(e.get("outcome").asString()));
        return outcomes;
    }
}
