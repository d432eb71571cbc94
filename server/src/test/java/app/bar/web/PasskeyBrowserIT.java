package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.time.Clock;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Passkeys in a real Chromium with its DevTools virtual authenticator (CDP
 * {@code WebAuthn.addVirtualAuthenticator}: a platform authenticator with user verification), issue
 * 16 item 4: register one on the settings page, sign in with it alone, use it as the second factor
 * after the password (beside an authenticator app), and remove it. The server runs without a public URL, so the pages are opened on
 * {@code localhost}, its RP id (WebAuthn refuses IP addresses).
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
@TestPropertySource(properties = "bar.public-url=") // http://localhost:<port>: the RP id is localhost
class PasskeyBrowserIT {

    /** GET answers 404 while no webhook is set (the dashboard shows the empty form). */
    private static final Chromium.Expected WEBHOOK_404 = status(404, "/api/account/webhook");
    private static final Chromium.Expected WEBHOOK_405 = status(405, "/api/account/webhook");

    /** A ceremony takes a few seconds on a loaded machine (its first one warms webauthn4j up). */
    private static final double WAIT_MS = 20_000;

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalhost();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    Clock clock;

    private AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(context, new app.bar.support.TestHttp(port));
    }

    /** A virtual platform authenticator (resident keys, user verification) for the page. */
    private static void virtualAuthenticator(Page page) {
        CDPSession cdp = page.context().newCDPSession(page);
        cdp.send("WebAuthn.enable");
        JsonObject options = new JsonObject();
        options.addProperty("protocol", "ctap2");
        options.addProperty("transport", "internal");
        options.addProperty("hasResidentKey", true);
        options.addProperty("hasUserVerification", true);
        options.addProperty("isUserVerified", true);
        options.addProperty("automaticPresenceSimulation", true);
        JsonObject args = new JsonObject();
        args.add("options", options);
        cdp.send("WebAuthn.addVirtualAuthenticator", args);
    }

    private static void password(Page page, AccountFixtures.TestAccount account) {
        page.navigate("/login");
        SignInPage.submit(page, account);
    }

    private static void dashboardLoaded(Page page) {
        page.waitForURL("**/dashboard", new Page.WaitForURLOptions().setTimeout(WAIT_MS));
        page.locator("main[aria-busy='false']").waitFor();
    }

    /** From the dashboard to the settings page, where the sign-in security section is. */
    private static void settingsLoaded(Page page) {
        page.getByLabel("Main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true))
                .click();
        page.waitForURL("**/settings");
        page.locator("main[aria-busy='false']").waitFor();
    }

    private static void addPasskey(Page settings, String name) {
        settings.getByLabel("Passkey name").fill(name);
        click(settings, "Add a passkey");
        PlaywrightAssertions.assertThat(settings.locator("#passkeys-body")).containsText(name,
                new LocatorAssertions.ContainsTextOptions().setTimeout(WAIT_MS));
    }

    private static void signOut(Page page) {
        page.locator("[data-action='sign-out']").first().click();
        page.waitForURL(url -> !url.contains("/settings") && !url.contains("/dashboard"));
    }

    private long passkeys(AccountFixtures.TestAccount account) {
        return fixtures.jdbc().sql("select count(*) from passkeys where account_id = :id").param("id", account.id())
                .query(Long.class).single();
    }

    /** The account's security events of {@code type} whose detail contains {@code text}. */
    private long events(AccountFixtures.TestAccount account, String type, String text) {
        return fixtures.jdbc().sql("select count(*) from security_events where actor_id = :id and type = :type"
                        + " and detail like :text")
                .param("id", account.id()).param("type", type).param("text", "%" + text + "%").query(Long.class).single();
    }

    /** A browser with a virtual authenticator, signed in with the password, on the settings page. */
    private Page onSettings(Chromium.Session browser, AccountFixtures.TestAccount account) {
        Page page = browser.open("/login");
        virtualAuthenticator(page);
        password(page, account);
        dashboardLoaded(page);
        settingsLoaded(page);
        return page;
    }

    @Test
    void registerInTheSettingsThenSignInWithThePasskeyAloneThenRemoveIt() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session browser = chromium.person();
        Page page = onSettings(browser, account);

        addPasskey(page, "Test laptop");
        assertThat(passkeys(account)).isEqualTo(1);
        assertThat(events(account, "passkey.registered", "")).isEqualTo(1);

        signOut(page);
        page.navigate("/login");
        click(page, "Sign in with a passkey");
        dashboardLoaded(page);
        assertThat(events(account, "login.succeeded", "\"method\":\"passkey\"")).isEqualTo(1);
        settingsLoaded(page);

        page.locator("#passkeys-body tr", new Page.LocatorOptions().setHasText("Test laptop"))
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove"))
                .click();
        PlaywrightAssertions.assertThat(page.locator("#passkeys-empty"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT_MS));
        assertThat(passkeys(account)).isZero();
        assertThat(events(account, "passkey.removed", "")).isEqualTo(1);
        browser.assertNoConsoleProblems(WEBHOOK_404, WEBHOOK_405);
    }

    @Test
    void withAnAuthenticatorAppFirstThePasskeyIsTheOtherSecondFactorAfterThePassword() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session browser = chromium.person();
        Page page = onSettings(browser, account);
        SecondFactorBrowserIT.setUpApp(page, clock, new ArrayList<>());
        addPasskey(page, "Phone");
        signOut(page);

        password(page, account);
        PlaywrightAssertions.assertThat(page.getByLabel("Code from the app"))
                .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(WAIT_MS));
        click(page, "Use a passkey");

        dashboardLoaded(page);
        assertThat(events(account, "login.succeeded", "\"method\":\"password+passkey\"")).isEqualTo(1);
        browser.assertNoConsoleProblems(WEBHOOK_404, WEBHOOK_405);
    }
}
