package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.bar.account.AccountFixtures;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import app.bar.webhook.WebhookIntegrationTest;
import com.microsoft.playwright.Page;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Webhooks through the web UI (issues #5 and #6): the dashboard sets the account webhook and
 * shows its secret once; the create page gives a share its own webhook; opening that share makes
 * BAR post a signed {@code share.accessed} to a real receiver on 127.0.0.1, which the dashboard
 * then lists as delivered.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@WebhookIntegrationTest
class WebhookBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();
    private static HttpServer receiver;
    private static final List<Received> received = new CopyOnWriteArrayList<>();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private record Received(String path, String signature, String type, byte[] body) {
    }

    @BeforeAll
    static void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("BAR-Signature"),
                    exchange.getRequestHeaders().getFirst("BAR-Event-Type"), body));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterAll
    static void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void webhooksWhenSetInTheUiThenSignedDeliveriesArriveAndAreListed() throws Exception {
        TestHttp http = new TestHttp(port);
        AccountFixtures fixtures = new AccountFixtures(context, http);
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Chromium.Session reader = chromium.person();
        Page login = SignInPage.signIn(owner, account);
        login.navigate("/settings"); // account settings have their own page (issue 13 item 9)
        login.locator("main[aria-busy='false']").waitFor();

        login.fill("#webhook-url", url("/account"));
        click(login, "Save webhook");
        login.locator("#webhook-once").waitFor();
        String accountSecret = login.inputValue("#webhook-secret");
        assertThat(accountSecret).matches("bar_whs_[A-Za-z0-9_-]{43}");
        assertThat(login.textContent("#webhook-url-current")).isEqualTo(url("/account"));

        Page create = owner.open("/");
        create.locator("#webhook-field").waitFor();
        create.getByLabel("Secret text").fill("hooked secret");
        create.fill("#webhook-url", url("/share"));
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        create.locator("#webhook-secret-box").waitFor();
        String shareSecret = create.inputValue("#webhook-secret");
        assertThat(shareSecret).matches("bar_whs_[A-Za-z0-9_-]{43}").isNotEqualTo(accountSecret);
        String link = create.inputValue("#share-link");

        Page open = reader.open(link);
        click(open, "Open");
        open.locator("#secret").waitFor();

        Received delivery = awaitDelivery("/share", "share.accessed"); // share.destroyed follows: one view

        assertThat(verifies(shareSecret, delivery)).as("signed with the share's own secret").isTrue();
        assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).doesNotContain("hooked secret");
        assertThat(received).noneMatch(r -> r.path().equals("/account")); // the share's own webhook wins

        Page dashboard = owner.open("/settings");
        dashboard.locator("#deliveries-body tr").first().waitFor();
        assertThat(dashboard.textContent("#deliveries-body")).contains("share.accessed", "Delivered").doesNotContain("DELIVERED");
        owner.assertNoConsoleProblems(status(404, "/api/account/webhook")); // none set yet at first load
        reader.assertNoConsoleProblems();
    }

    private String url(String path) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + path;
    }

    private static Received awaitDelivery(String path, String type) {
        return await("a " + type + " delivery to " + path).atMost(Duration.ofSeconds(15))
                .until(() -> received.stream().filter(r -> r.path().equals(path) && type.equals(r.type())).findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    /** The receiver's check from the README: HMAC-SHA256(secret, t + "." + body), compared in constant time. */
    private static boolean verifies(String secret, Received r) throws Exception {
        String t = null;
        String v1 = null;
        for (String part : r.signature().split(",")) {
            if (part.startsWith("t=")) {
                t = part.substring(2);
            } else if (part.startsWith("v1=")) {
                v1 = part.substring(3);
            }
        }
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((t + ".").getBytes(StandardCharsets.UTF_8));
        byte[] expected = mac.doFinal(r.body());
        return v1 != null && MessageDigest.isEqual(expected, HexFormat.of().parseHex(v1));
    }
}
