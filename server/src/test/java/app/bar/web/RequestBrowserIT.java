package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.saved;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Request a secret end to end in a real Chromium (issue 18 item 2): a signed-in requester makes a
 * request, an anonymous second browser answers it with a text, the requester opens the answer with
 * the open link and reads the text, and the request link is refused afterwards. Neither key of the
 * requester's pair is ever sent to the server: no request of either browser carries them.
 */
@RequiresTool(CHROMIUM)
@BarIntegrationTest
class RequestBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(context, new TestHttp(port));
    }

    @Test
    void requestWhenFilledAnonymouslyThenRequesterReadsItAndTheLinkIsRefused() {
        Chromium.Session requester = chromium.person();
        Page page = signIn(requester, fixtures.anAccount().create());
        page.navigate("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request a secret")).click();
        page.waitForURL(url -> url.endsWith("/r/new"));
        page.locator("#new-title:not(:empty)").waitFor();
        page.locator("#new-form").waitFor();
        page.getByLabel("Note for the person you ask").fill("Please send the staging database password");
        click(page, "Create request");
        page.locator("#made-title").waitFor();
        String requestLink = page.inputValue("#request-link");
        String openLink = page.inputValue("#open-link");
        assertThat(requestLink).matches(chromium.base() + "/r/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{87}");
        assertThat(openLink).matches(chromium.base() + "/r/[A-Za-z0-9_-]{22}/open#[A-Za-z0-9_-]{130}");
        String publicKey = requestLink.substring(requestLink.indexOf('#') + 1);
        String privateKey = openLink.substring(openLink.indexOf('#') + 1, openLink.indexOf('#') + 1 + 43);

        Chromium.Session filler = chromium.person();
        Page fill = filler.open(requestLink);
        PlaywrightAssertions.assertThat(fill.locator("#fill-note")).hasText("Please send the staging database password");
        fill.getByLabel("Your secret").fill("correct horse battery staple");
        click(fill, "Encrypt and send");
        fill.locator("#sent-title").waitFor();
        assertThat(fill.url()).doesNotContain("#");

        Page open = requester.open(openLink);
        open.waitForURL(url -> url.contains("/s/"));
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        PlaywrightAssertions.assertThat(open.locator("#secret")).hasValue("correct horse battery staple");

        Page again = chromium.person().open(requestLink);
        again.locator("#gone").waitFor();
        PlaywrightAssertions.assertThat(again.locator("#gone h1")).hasText("This request cannot be answered");

        List<Chromium.SentRequest> sent = new java.util.ArrayList<>(requester.requests());
        sent.addAll(filler.requests());
        assertThat(sent).isNotEmpty().noneMatch(r -> r.contains(privateKey) || r.contains(publicKey));
        assertThat(filler.requests()).noneMatch(r -> r.contains("correct horse battery staple"));
        requester.assertNoConsoleProblems();
        filler.assertNoConsoleProblems(status(404, "/api/requests/"));
    }

    @Test
    void requestWhenFilledWithTwoFilesAnonymouslyThenRequesterSavesTheSameBytesAndTheLinkIsRefused() throws Exception {
        Chromium.Session requester = chromium.person();
        Page page = signIn(requester, fixtures.anAccount().create());
        page.navigate("/r/new");
        page.locator("#new-form").waitFor();
        page.getByLabel("Note for the person you ask").fill("Please send the signed contracts");
        page.selectOption("#request-size", "10485760");
        click(page, "Create request");
        page.locator("#made-title").waitFor();
        String requestLink = page.inputValue("#request-link");
        String openLink = page.inputValue("#open-link");

        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("contract.pdf", random(300_000));
        files.put("annex.txt", "annex: the second file\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Chromium.Session filler = chromium.person();
        Page fill = filler.open(requestLink);
        fill.locator("#fill-form").waitFor();
        fill.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName("Files")).check();
        fill.setInputFiles("#fill-files", files.entrySet().stream()
                .map(e -> new FilePayload(e.getKey(), "application/octet-stream", e.getValue())).toArray(FilePayload[]::new));
        click(fill, "Encrypt and send");
        fill.locator("#sent-title").waitFor();

        Page open = requester.open(openLink);
        open.waitForURL(url -> url.contains("/s/"));
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#files-view:not([hidden])").waitFor();
        assertThat(open.locator("#files-body td.file-name").allTextContents()).containsExactlyElementsOf(files.keySet());
        for (java.util.Map.Entry<String, byte[]> e : files.entrySet()) {
            Download download = open.waitForDownload(() -> open.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Save " + e.getKey()).setExact(true)).click());
            assertThat(saved(download)).as(e.getKey()).isEqualTo(e.getValue());
        }

        Page again = chromium.person().open(requestLink);
        again.locator("#gone").waitFor();
        requester.assertNoConsoleProblems();
        filler.assertNoConsoleProblems(status(404, "/api/requests/"));
    }

    private static byte[] random(int n) {
        byte[] bytes = new byte[n];
        new java.security.SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
