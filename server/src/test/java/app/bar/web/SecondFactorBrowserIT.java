package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.SecondFactorFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Second factors through the web UI in a real Chromium (issue 16 item 5): the settings page's
 * sign-in security section sets up an authenticator app (QR code, key, confirming code, recovery
 * codes shown once), and the sign-in page's second step takes its code or a recovery code.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class SecondFactorBrowserIT {

    /** GET answers 404 while no webhook is set (the dashboard shows the empty form). */
    private static final Chromium.Expected[] WEBHOOK_404 = {
        status(404, "/api/account/webhook"), status(405, "/api/account/webhook")};

    /** Waits for what a slow, loaded machine may take longer than Playwright's 5 s to show. */
    private static final double WAIT_MS = 20_000;

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;

    private TestHttp http;
    private AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    private static Page password(Chromium.Session session, AccountFixtures.TestAccount account) {
        Page page = session.open("/login");
        SignInPage.submit(page, account);
        return page;
    }

    private static void dashboardLoaded(Page page) {
        page.waitForURL("**/dashboard");
        page.locator("main[aria-busy='false']").waitFor();
    }

    /** Signed in, goes on to the settings page, where the sign-in security section is. */
    private static Page settingsLoaded(Page page) {
        dashboardLoaded(page);
        page.getByLabel("Main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true))
                .click();
        page.waitForURL("**/settings");
        page.locator("main[aria-busy='false']").waitFor();
        return page;
    }

    /** Sets up the app on the settings page; answers its key and adds the recovery codes shown to {@code recoveryCodes}. */
    static String[] setUpApp(Page dashboard, Clock clock, List<String> recoveryCodes) {
        click(dashboard, "Set up an authenticator app");
        dashboard.locator("#totp-qr svg").waitFor();
        String secret = dashboard.locator("#totp-secret").textContent();
        dashboard.getByLabel("Code from the app").fill(SecondFactorFixtures.code(secret, clock.instant(), 0));
        click(dashboard, "Confirm");
        dashboard.locator("#recovery-once:not([hidden]) li").first().waitFor();
        recoveryCodes.addAll(dashboard.locator("#recovery-once li").allTextContents());
        click(dashboard, "I have saved them");
        PlaywrightAssertions.assertThat(dashboard.locator("#totp-state")).containsText("On since",
                new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
        return new String[] {secret};
    }

    @Test
    void setUpInTheSettingsThenSignInAsksForTheAppsCode() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page dashboard = settingsLoaded(password(owner, account));
        List<String> recoveryCodes = new ArrayList<>();
        String secret = setUpApp(dashboard, clock, recoveryCodes)[0];
        assertThat(recoveryCodes).hasSize(10);
        PlaywrightAssertions.assertThat(dashboard.locator("#recovery-state")).containsText("10 of 10 left",
                new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));

        Chromium.Session later = chromium.person();
        Page login = password(later, account);
        login.getByLabel("Code from the app").fill(SecondFactorFixtures.code(secret, clock.instant(), 1));
        Screenshots.save(login, "login-second-step");
        click(login, "Continue");

        dashboardLoaded(login);
        owner.assertNoConsoleProblems(WEBHOOK_404);
        later.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void secondStepWhenWrongCodeThenSaidAndARecoveryCodeSignsIn() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page dashboard = settingsLoaded(password(owner, account));
        List<String> recoveryCodes = new ArrayList<>();
        String secret = setUpApp(dashboard, clock, recoveryCodes)[0];
        String right = SecondFactorFixtures.code(secret, clock.instant(), 1);

        Chromium.Session later = chromium.person();
        Page login = password(later, account);
        login.getByLabel("Code from the app").fill(right.equals("000000") ? "111111" : "000000");
        click(login, "Continue");
        PlaywrightAssertions.assertThat(login.locator("#mfa-notice")).containsText("wrong",
                new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
        click(login, "Use a recovery code instead");
        login.getByLabel("Recovery code", new Page.GetByLabelOptions().setExact(true)).fill(recoveryCodes.get(0));
        click(login, "Continue");

        dashboardLoaded(login);
        later.assertNoConsoleProblems(WEBHOOK_404[0], WEBHOOK_404[1], status(401, "/api/auth/mfa"));
    }
}
