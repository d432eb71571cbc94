package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.share.create.SharePolicyTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operator's share policies on the create page in a real Chromium (issue 20 item 2). */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@SharePolicyTest
class SharePolicyBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @Test
    void createPageWhenAnonymousThenShowsThePoliciesAndTheServersRefusalOfAShareWithoutPassword() {
        Chromium.Session session = chromium.person();
        Page page = session.open("/");
        PlaywrightAssertions.assertThat(page.locator("label[for='password']")).containsText("required on this server");
        PlaywrightAssertions.assertThat(page.locator("#kind-file")).isDisabled();
        PlaywrightAssertions.assertThat(page.locator("#policy-note")).containsText("Sign in to share files");
        PlaywrightAssertions.assertThat(page.locator("#views option[value='3']")).isAttached();
        PlaywrightAssertions.assertThat(page.locator("#views option[value='5']")).isDisabled();
        PlaywrightAssertions.assertThat(page.locator("#views option[value='unlimited']:not([disabled])")).hasCount(0);
        assertThat(page.textContent("#otp-hint")).contains("example.com");

        page.getByLabel("Secret text").fill("no password here");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create secret link")).click();

        PlaywrightAssertions.assertThat(page.locator("#create-notice")).containsText("required on this server");
        session.assertNoConsoleProblems(Chromium.Expected.status(400, "/api/shares"));
    }
}
