package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.AccountState;
import app.bar.account.MailBox;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Accounts through the web UI in a real Chromium: register, verify by the mailed link (GreenMail),
 * sign in, the dashboard (shares with access log and burn, sessions, API tokens, silent refresh)
 * and the admin page.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class AccountBrowserIT {

    /** GET answers 404 while no webhook is set (the dashboard shows the empty form). */
    private static final Chromium.Expected[] WEBHOOK_404 = {
        status(404, "/api/account/webhook"), status(405, "/api/account/webhook")};

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private TestHttp http;
    private AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
        fixtures = new AccountFixtures(context, http);
    }

    /** Account settings are on their own page (issue 13 item 9). */
    private static Page settings(Page page) {
        page.navigate("/settings");
        page.locator("main[aria-busy='false']").waitFor(); // every list loaded
        return page;
    }

    private static String createText(Page page, String secret) {
        page.navigate("/");
        page.getByLabel("Secret text").fill(secret);
        click(page, "Create secret link");
        page.locator("#result-title").waitFor();
        return page.inputValue("#share-link");
    }

    static Locator shareRow(Page dashboard, String link) {
        String id = link.substring(link.indexOf("/s/") + 3, link.indexOf('#'));
        return dashboard.locator("tr[data-share='" + id + "']");
    }

    @Test
    void registerWhenVerifiedByMailedLinkThenSignsInWithRememberMe() {
        String email = AccountFixtures.uniqueEmail("browser");
        Chromium.Session browser = chromium.person();
        Page register = browser.open("/register");
        Screenshots.save(register, "register");
        register.getByLabel("Email").fill(email);
        register.getByLabel("Name").fill("Ada Lovelace");
        register.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(AccountFixtures.PASSWORD);
        register.getByLabel("Password again").fill(AccountFixtures.PASSWORD);
        click(register, "Create account");
        register.locator("#registered h2").waitFor();
        assertThat(register.textContent("#registered-email")).isEqualTo(email);

        MailBox.Mail mail = MailBox.await(email, "Confirm your BAR account");
        assertThat(mail.text()).contains("/verify-email#token=");
        Page verify = browser.open("/verify-email#token=" + mail.token());
        click(verify, "Verify my email");
        verify.locator("#verify-done-title").waitFor();
        assertThat(verify.textContent("#verify-done-text")).contains("active");
        assertThat(verify.url()).doesNotContain("token");

        Page login = browser.open("/login");
        Screenshots.save(login, "login");
        Page dashboard = signIn(browser, email, AccountFixtures.PASSWORD, true);
        assertThat(dashboard.textContent("#account-line")).contains(email);
        Cookie refresh = browser.context.cookies().stream().filter(c -> c.name.equals("bar_refresh")).findFirst().orElseThrow();
        assertThat(refresh.expires).as("remember me: a persistent cookie").isGreaterThan(0);
        assertThat(refresh.httpOnly).isTrue();
        assertThat(dashboard.evaluate("() => JSON.stringify(localStorage) + JSON.stringify(sessionStorage)")).isEqualTo("{}{}");
        browser.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void dashboardWhenSignedInThenListsSharesWithAccessLogAndBurns() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page page = signIn(owner, account.email(), account.password(), false);
        page.navigate("/");
        page.locator("#webhook-field").waitFor(); // signed in: the webhook is offered (the choices: CreatePageBrowserIT)
        String opened = createText(page, "read me once");
        String burned = createText(page, "burn me first");

        Page reader = chromium.person().open(opened);
        click(reader, "Open");
        reader.locator("#secret").waitFor();

        Page dashboard = owner.open("/dashboard");
        shareRow(dashboard, burned).waitFor();
        assertThat(shareRow(dashboard, burned).textContent()).contains("Active", "1 of 1 view left");
        assertThat(shareRow(dashboard, opened).textContent()).contains("Destroyed: read", "Opened 1 of 1 time")
                .doesNotContain("0 of 1", "1 of 1 ·");
        shareRow(dashboard, opened).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Access log")).click();
        dashboard.locator("ol.log li").first().waitFor();
        assertThat(dashboard.locator("ol.log").textContent()).contains("Opened").contains("Chrome");
        Screenshots.save(dashboard, "dashboard", Map.of(
                "td.when", "23 Nov 2026, 09:30", "#account-line", "Signed in as ada@example.com.", "#nav-who", "Ada",
                "ol.log li:nth-child(1)", "23 Nov 2026, 09:30 — Opened · 203.0.***.*** · Chrome",
                "ol.log li:nth-child(2)", "23 Nov 2026, 09:30 — Destroyed: last view used · 203.0.***.*** · Chrome"));

        shareRow(dashboard, burned).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Burn")).click();
        dashboard.locator("#shares-notice .message.ok").waitFor();
        shareRow(dashboard, burned).locator("text=Burned").waitFor(); // how it ended, not a bare "Destroyed"
        Page gone = chromium.person().open(burned);
        gone.locator("#gone h1").waitFor();

        owner.assertNoConsoleProblems(WEBHOOK_404);
        chromium.people().get(1).assertNoConsoleProblems();
        chromium.people().get(2).assertNoConsoleProblems(status(404, "/api/shares/"));
    }

    @Test
    void settingsWhenApiTokenCreatedThenShownOnceAndRevoked() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page dashboard = settings(signIn(owner, account.email(), account.password(), false));
        dashboard.locator("#sessions-body tr").first().waitFor();
        assertThat(dashboard.textContent("#sessions-body")).contains("this device");

        dashboard.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("laptop CLI");
        click(dashboard, "Create token");
        dashboard.locator("#token-once").waitFor();
        String token = dashboard.inputValue("#token-value");
        assertThat(token).startsWith("bar_pat_");
        assertThat(http.get("/api/shares", "Authorization", "Bearer " + token).statusCode()).isEqualTo(200);
        dashboard.locator("#tokens-body tr:has-text('laptop CLI')").waitFor();
        click(dashboard, "Done");
        assertThat(dashboard.inputValue("#token-value")).isEmpty();

        dashboard.locator("#tokens-body tr:has-text('laptop CLI')")
                .getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        dashboard.locator("#tokens-notice .message.ok").waitFor();
        assertThat(http.get("/api/shares", "Authorization", "Bearer " + token).statusCode()).isEqualTo(401);
        owner.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void settingsWhenTokenNeedsAFreshPasswordThenAsksForItAndCreatesTheTokenAfterIt() {
        // ASVS 7.5.1 (issue #21 item 2): the page answers auth.reauthentication_required with a password prompt
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page dashboard = settings(signIn(owner, account.email(), account.password(), false));
        fixtures.jdbc().sql("update sessions set authenticated_at = :long_ago where account_id = :id")
                .param("long_ago", java.time.OffsetDateTime.now().minusHours(1)).param("id", account.id()).update();

        dashboard.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("deploy key");
        click(dashboard, "Create token");
        Locator prompt = dashboard.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Confirm your password"));
        prompt.waitFor();
        prompt.getByLabel("Your password").fill("Not the password 12 at all");
        click(dashboard, "Confirm");
        PlaywrightAssertions.assertThat(dashboard.locator("#reauth-notice")).containsText("not your password");
        prompt.getByLabel("Your password").fill(account.password());
        click(dashboard, "Confirm");

        dashboard.locator("#token-once").waitFor();
        PlaywrightAssertions.assertThat(prompt).isHidden();
        assertThat(dashboard.inputValue("#token-value")).startsWith("bar_pat_");
        owner.assertNoConsoleProblems(status(403, "/api/account/tokens"), status(400, "/api/auth/reauthenticate"),
                WEBHOOK_404[0], WEBHOOK_404[1]);
    }

    @Test
    void settingsWhenAccessTokenGoneThenOneSilentRefreshKeepsTheSession() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        signIn(owner, account.email(), account.password(), false);
        BrowserContext browser = owner.context;
        List<Cookie> kept = browser.cookies().stream().filter(c -> !c.name.equals("bar_access")).toList();
        browser.clearCookies();
        browser.addCookies(kept); // as if the 15-minute access token had expired
        int refreshesBefore = refreshes(owner);

        Page dashboard = owner.open("/settings");
        dashboard.locator("#account-line:has-text('Signed in as')").waitFor();
        dashboard.locator("#sessions-body tr").first().waitFor();
        assertThat(refreshes(owner) - refreshesBefore).as("refreshes: one at a time, one in all").isEqualTo(1);
        assertThat(browser.cookies().stream().map(c -> c.name)).contains("bar_access");
        owner.assertNoConsoleProblems(status(401, "/api/account"), WEBHOOK_404[0], WEBHOOK_404[1]);
    }

    private static int refreshes(Chromium.Session session) {
        return (int) session.requests().stream().filter(r -> r.url().endsWith("/api/auth/refresh")).count();
    }

    @Test
    void signOutWhenClickedThenDashboardAsksToSignIn() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page dashboard = signIn(owner, account.email(), account.password(), false);
        click(dashboard, "Sign out");
        dashboard.waitForURL("**/login");
        dashboard.navigate("/dashboard");
        dashboard.waitForURL("**/login?next=/dashboard");
        assertThat(owner.context.cookies().stream().map(c -> c.name)).doesNotContain("bar_access", "bar_csrf");
        owner.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void forgotPasswordWhenMailedLinkUsedThenNewPasswordSignsIn() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session browser = chromium.person();
        Page forgot = browser.open("/reset");
        forgot.getByLabel("Email").fill(account.email());
        click(forgot, "Send me a link");
        forgot.locator("#forgot-notice .message.ok").waitFor();

        MailBox.Mail mail = MailBox.await(account.email(), "Reset your BAR password");
        Page reset = browser.open("/reset#token=" + mail.token());
        String newPassword = "Mellow quartz harbour 83 lantern";
        reset.getByLabel("New password", new Page.GetByLabelOptions().setExact(true)).fill(newPassword);
        reset.getByLabel("New password again").fill(newPassword);
        click(reset, "Change password");
        reset.locator("#reset-done h2").waitFor();
        assertThat(reset.url()).doesNotContain("token");

        Page dashboard = signIn(browser, account.email(), newPassword, false);
        assertThat(dashboard.textContent("#account-line")).contains(account.email());
        browser.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void adminPageWhenAdminThenApprovesAndPausesAccounts() {
        AccountFixtures.TestAccount admin = fixtures.anAccount().admin().create();
        AccountFixtures.TestAccount waiting = fixtures.anAccount().inState(AccountState.PENDING_APPROVAL).create();
        AccountFixtures.TestAccount active = fixtures.anAccount().create();
        Chromium.Session session = chromium.person();
        signIn(session, admin.email(), admin.password(), false);
        Page page = session.open("/admin");
        page.locator("main[aria-busy='false']").waitFor();
        assertThat(page.textContent("#status-facts")).contains("database: up");

        Locator pending = page.locator("#pending-body tr[data-user], #pending-body tr").filter(
                new Locator.FilterOptions().setHasText(waiting.email()));
        pending.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Approve")).click();
        page.locator("#pending-notice .message.ok").waitFor();
        fixtures.login(waiting.email(), waiting.password(), false);

        page.getByLabel("State").selectOption("ACTIVE");
        Locator row = page.locator("#users-body tr[data-user='" + active.id() + "']");
        if (row.count() == 0) { // many accounts in the shared test database: look the account up by page
            while (row.count() == 0 && page.locator("#users-next").isEnabled()) {
                click(page, "Next");
                page.waitForTimeout(200);
            }
        }
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Pause")).click();
        page.locator("#users-notice .message.ok").waitFor();
        assertThat(http.postJson("/api/auth/login", TestHttp.map("email", active.email(), "password", active.password()))
                .statusCode()).isEqualTo(403);

        page.getByLabel("Type").selectOption("admin.action");
        PlaywrightAssertions.assertThat(page.locator("#events-body tr").first()).containsText("admin.action");
        assertThat(page.locator("#events-body tr").allTextContents()).allSatisfy(t -> assertThat(t).contains("admin.action"));
        session.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void adminPageWhenNotAdminThenSaysSo() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session session = chromium.person();
        signIn(session, account.email(), account.password(), false);
        Page page = session.open("/admin");
        page.locator("#admin-notice .message.error").waitFor();
        assertThat(page.textContent("#admin-notice")).contains("for administrators");
        assertThat(page.locator("#admin-content").isVisible()).isFalse();
        session.assertNoConsoleProblems(WEBHOOK_404);
    }

    @Test
    void loginWhenPasswordWrongThenThePagesWordsForItsCode() {
        // issue #10 item 3: the page decides on the problem's code (auth.login_failed), not on its text
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session session = chromium.person();
        Page page = session.open("/login");
        page.getByLabel("Email").fill(account.email());
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill("Not the password 12 at all");
        click(page, "Sign in");
        page.locator("#login-notice .message.error").waitFor();
        assertThat(page.textContent("#login-notice")).contains("The email or password is wrong", "After 5 wrong tries");
        session.assertNoConsoleProblems(status(401, "/api/auth/login"));
    }

    @Test
    void verifyWhenLinkSpentThenSaysSoFromItsCode() {
        Chromium.Session session = chromium.person();
        Page page = session.open("/verify-email#token=spent-or-never-issued");
        click(page, "Verify my email");
        page.locator("#verify-notice .message.error").waitFor();
        assertThat(page.textContent("#verify-notice")).contains("not valid any more");
        session.assertNoConsoleProblems(status(400, "/api/auth/verify-email"));
    }
}
