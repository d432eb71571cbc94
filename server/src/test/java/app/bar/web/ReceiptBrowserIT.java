package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The printable destruction receipt in a real Chromium (issue 20 item 4): reached from the dashboard, no script. */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class ReceiptBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void receiptLinkWhenShareEndedThenOpensThePrintableSignedReceiptWithoutScript() {
        TestHttp http = new TestHttp(port);
        ShareApi api = new ShareApi(http, context);
        AccountFixtures fixtures = new AccountFixtures(context, http);
        AccountFixtures.TestAccount owner = fixtures.anAccount().create();
        String id = api.create(ShareApi.aText("the contract key").with("maxViews", 1),
                fixtures.login(owner).cookieAndCsrfHeaders()).id();
        assertThat(api.read(id)).isEqualTo("the contract key");

        Chromium.Session session = chromium.person();
        Page page = SignInPage.signIn(session, owner);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Receipt").setExact(true)).click();

        page.waitForURL("**/api/shares/" + id + "/receipt?format=html");
        PlaywrightAssertions.assertThat(page.locator("h1")).hasText("Destruction receipt");
        assertThat(page.textContent("main")).contains(id, "views used").doesNotContain("the contract key");
        assertThat(page.locator("script").count()).as("the receipt page runs no script").isZero();
        session.assertNoConsoleProblems(Chromium.Expected.status(404, "/api/account/webhook"),
                Chromium.Expected.status(405, "/api/account/webhook"));
    }
}
