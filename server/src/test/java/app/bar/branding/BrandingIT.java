package app.bar.branding;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.mail.MailProperties;
import app.bar.mail.Outbox;
import app.bar.support.BarIntegrationTest;
import app.bar.support.TestHttp;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 20 item 5 over real HTTP: an instance with a brand (and a name that tries to inject
 * markup) shows it, as text, on every page and in its mails (the embedded default's outbox),
 * serves the logo and accent as files of its own, and keeps the very same CSP.
 */
@BarIntegrationTest
@TestPropertySource(properties = {
    "bar.branding.name=" + BrandingIT.NAME,
    "bar.branding.logo=src/test/resources/branding/logo.png",
    "bar.branding.accent-color=#0F766E",
    "bar.branding.footer-text=Run by Acme IT & Security",
    "bar.branding.imprint-url=https://acme.example/imprint",
    "bar.branding.privacy-url=/privacy",
    "bar.branding.notice=Maintenance <Sunday> 02:00 UTC",
    "bar.mail.smtp.host="})
class BrandingIT {

    static final String NAME = "Acme <img src=x onerror=alert(1)> Vault";
    static final String ESCAPED_NAME = "Acme &lt;img src=x onerror=alert(1)&gt; Vault";
    /** SecurityHeaders' policy, written out: a brand adds no source, hash or 'unsafe-inline'. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
            + "font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self' blob:; frame-src blob:; "
            + "form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    @LocalServerPort
    int port;
    @Autowired
    MailProperties mail;
    TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    static Stream<String> pages() {
        return Stream.of("/", "/s/k3PZq8vW2mXa7RtY0cLbNg", "/login", "/register", "/verify-email", "/reset", "/dashboard",
                "/admin", "/help/https");
    }

    @Test
    void pagesWhenBrandedThenNameFooterLinksAndBannerOnEveryPageAsText() {
        // ASVS 1.2.1: the name's markup is shown as text, in the title and the header alike
        pages().forEach(path -> {
            String page = http.get(path).body();
            assertThat(page).as(path).contains(" — " + ESCAPED_NAME + "</title>",
                    "<img class=\"brand-logo\" src=\"/branding/logo\" alt=\"\">" + ESCAPED_NAME + "</a>",
                    "<div class=\"banner\" role=\"note\">Maintenance &lt;Sunday&gt; 02:00 UTC</div>",
                    "<p class=\"brand-footer\">Run by Acme IT &amp; Security</p>",
                    "<a href=\"https://acme.example/imprint\">Imprint</a>", "<a href=\"/privacy\">Privacy</a>",
                    "<link rel=\"stylesheet\" href=\"/branding.css\">")
                    .doesNotContain("<img src=x", "<Sunday>", " — BAR</title>", "style=", "<style");
        });
    }

    @Test
    void pagesWhenBrandedThenCspHeaderUnchanged() {
        pages().forEach(path -> assertThat(http.get(path).headers().firstValue("Content-Security-Policy"))
                .as(path).hasValue(CSP));
    }

    @Test
    void brandingCssWhenRequestedThenAccentAsACssFileOfOurOwn() {
        HttpResponse<String> css = http.get("/branding.css");

        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css;charset=UTF-8");
        assertThat(css.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(css.headers().firstValue("Content-Security-Policy")).hasValue(CSP);
        assertThat(css.body()).contains("--accent: #0f766e;");
    }

    @Test
    void logoWhenRequestedThenTheConfiguredPngWithItsTypeAndNosniff() throws Exception {
        HttpResponse<byte[]> logo = http.client().send(http.request("/branding/logo").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());

        assertThat(logo.statusCode()).isEqualTo(200);
        assertThat(logo.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(logo.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(logo.body()).isEqualTo(Files.readAllBytes(Path.of("src/test/resources/branding/logo.png")));
    }

    @Test
    void mailWhenBrandedThenOutboxMailNamesTheInstanceAndCarriesTheFooter() throws Exception {
        String email = "brand-" + System.nanoTime() + "@example.test";
        HttpResponse<String> registered = http.postJson("/api/auth/register",
                TestHttp.map("email", email, "password", "Plover quartz lantern 47 meadow"));
        assertThat(registered.statusCode()).isEqualTo(202);

        MimeMessage message = Outbox.awaitMailTo(mail.outbox(), email);
        assertThat(message.getSubject()).isEqualTo("Confirm your " + NAME + " account");
        String text = part(message, "text/plain");
        String html = part(message, "text/html");
        assertThat(text).contains("finish creating your " + NAME + " account",
                "\n-- \n" + NAME + "\nRun by Acme IT & Security\nImprint: https://acme.example/imprint\n"
                        + "Privacy: https://bar.example.test/privacy\n");
        assertThat(html).doesNotContain("<img src=x").contains("your " + ESCAPED_NAME + " account",
                "<strong>" + ESCAPED_NAME + "</strong><br>Run by Acme IT &amp; Security",
                "<a href=\"https://acme.example/imprint\">Imprint</a> · <a href=\"https://bar.example.test/privacy\">Privacy</a>");
    }


    private static String part(MimeMessage message, String type) throws Exception {
        String found = part(message.getContent(), type);
        assertThat(found).as(type).isNotNull();
        return found;
    }

    private static String part(Object content, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = body.isMimeType(type) ? (String) body.getContent() : part(body.getContent(), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
