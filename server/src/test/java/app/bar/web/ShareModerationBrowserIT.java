package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.share.ShareApi;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/** The admin page's share moderation in a real Chromium (issue 20 item 1): statistics, the list, a burn with a reason. */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class ShareModerationBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void adminPageWhenAdminThenShowsStatisticsListsSharesWithoutNamesAndBurnsOneWithAReason() {
        TestHttp http = new TestHttp(port);
        ShareApi api = new ShareApi(http, context);
        AccountFixtures fixtures = new AccountFixtures(context, http);
        AccountFixtures.TestAccount admin = fixtures.anAccount().admin().create();
        String zk = api.create(ShareApi.aFile("payroll-2026.xlsx").zeroKnowledge(), api.as("owner")).id();
        String reported = api.create(ShareApi.aText("reported text"), api.as("owner")).id();

        Chromium.Session session = chromium.person();
        Page page = signIn(session, admin);
        page.navigate("/admin");
        page.locator("main[aria-busy='false']").waitFor();
        PlaywrightAssertions.assertThat(page.locator("#share-stats-facts")).containsText("Live shares");
        PlaywrightAssertions.assertThat(page.locator("#share-stats-facts")).containsText("Opens (30 days)");

        page.getByLabel("Owner (account id").fill(api.accountId("owner"));
        page.getByLabel("Owner (account id").press("Enter");
        page.getByLabel("Owner (account id").blur();
        Locator row = page.locator("#shares-body tr[data-share='" + reported + "']");
        row.waitFor();
        PlaywrightAssertions.assertThat(page.locator("#shares-body tr")).hasCount(2);
        assertThat(page.textContent("#shares-body")).contains(zk, "zero-knowledge").doesNotContain("payroll");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Burn").setExact(true)).click();
        PlaywrightAssertions.assertThat(page.locator("#shares-notice")).containsText("reason");
        assertThat(api.unlock(reported, java.util.Map.of()).statusCode()).as("no reason, no burn").isEqualTo(200);

        page.getByLabel("Reason for a burn").fill("phishing report");
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Burn").setExact(true)).click();
        PlaywrightAssertions.assertThat(page.locator("#shares-notice")).containsText("Burned: " + reported);
        PlaywrightAssertions.assertThat(row).containsText("burned by admin");
        assertThat(api.unlock(reported, java.util.Map.of()).statusCode()).isEqualTo(404);
        session.assertNoConsoleProblems(Chromium.Expected.status(404, "/api/account/webhook"),
                Chromium.Expected.status(405, "/api/account/webhook"));
    }

    @Test
    void adminPageWhenGermanAdminTypesTheWordTheTableShowsForNoOwnerThenListsOnlyAnonymousShares() {
        TestHttp http = new TestHttp(port);
        ShareApi api = new ShareApi(http, context);
        AccountFixtures.TestAccount admin = new AccountFixtures(context, http).anAccount().admin().create();
        String anonymous = api.create(ShareApi.aText("no owner")).id();
        String owned = api.create(ShareApi.aText("has an owner"), api.as("owner-de")).id();

        Chromium.Session session = chromium.person();
        Page page = signIn(session, admin);
        session.context.addCookies(java.util.List.of(
                new com.microsoft.playwright.options.Cookie(app.bar.web.i18n.Catalogues.COOKIE, "de").setUrl(http.base())));
        page.navigate("/admin");
        page.locator("main[aria-busy='false']").waitFor();
        page.locator("#shares-owner").fill("Anonym");
        page.locator("#shares-owner").press("Enter");
        page.locator("#shares-owner").blur();
        Locator row = page.locator("#shares-body tr[data-share='" + anonymous + "']");
        row.waitFor();
        PlaywrightAssertions.assertThat(row).containsText("anonym");
        PlaywrightAssertions.assertThat(page.locator("#shares-body tr[data-share='" + owned + "']")).hasCount(0);
    }
}
