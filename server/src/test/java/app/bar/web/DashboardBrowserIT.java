package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.AccountBrowserIT.shareRow;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.account.MailBox;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import app.bar.web.i18n.Catalogues;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.microsoft.playwright.options.FilePayload;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The dashboard and the settings page in a real Chromium (issue 13 items 9 and 5): an owner's
 * label, set on the create page and edited on the dashboard, never on the recipient's page; sizes;
 * views and times in proper words; account settings on their own page, with the "share opened"
 * mail; one primary button per view; a manage link that does not look like the link to send.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class DashboardBrowserIT {

    /** GET answers 404 while no webhook is set (the settings page shows the empty form). */
    private static final Chromium.Expected[] WEBHOOK_404 = {
        status(404, "/api/account/webhook"), status(405, "/api/account/webhook")};
    /** Buttons that look primary in a view: not secondary, danger or link style, visible, outside closed dialogs. */
    private static final String PRIMARY_BUTTONS = """
            () => [...document.querySelectorAll('button, a.button')]
              .filter((b) => b.getClientRects().length > 0)
              .filter((b) => !/\\b(secondary|danger|link)\\b/.test(b.className))
              .map((b) => b.textContent.trim())""";

    private static final Catalogues CATALOGUES = Catalogues.load();

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

    @SuppressWarnings("unchecked")
    private static List<String> primaryButtons(Page page) {
        return (List<String>) page.evaluate(PRIMARY_BUTTONS);
    }

    @Test
    void dashboardWhenShareLabelledThenOwnerSeesTheLabelAndTheRecipientNever() {
        Chromium.Session owner = chromium.person();
        Page page = signIn(owner, fixtures.anAccount().create());
        page.navigate("/");
        page.locator("#label-field").waitFor(); // signed in: the label is offered
        page.getByLabel("Secret text").fill("door code 4711");
        page.getByLabel("Label (optional, only you see it)").fill("Door code for Ann");
        click(page, "Create secret link");
        page.locator("#result-title").waitFor();
        String link = page.inputValue("#share-link");
        assertThat(primaryButtons(page)).as("one primary button on the result").containsExactly("Copy link");
        Locator manage = page.locator("#manage-card");
        assertThat(manage.getAttribute("class")).contains("keep");
        assertThat(manage.textContent()).contains("keep this one; don't send it");
        assertThat(page.locator(".card.keep #share-link").count()).as("the link to send is not in the keep card").isZero();
        assertThat(page.evaluate("() => getComputedStyle(document.getElementById('manage-card')).borderTopStyle"))
                .isEqualTo("dashed");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.content()).doesNotContain("Door code for Ann");

        Page dashboard = owner.open("/dashboard");
        Locator row = shareRow(dashboard, link);
        row.waitFor();
        assertThat(row.locator(".share-label").textContent()).isEqualTo("Door code for Ann");
        assertThat(row.textContent()).contains("Text", "Opened 1 of 1 time", "Destroyed: read").doesNotContain("0 of 1");

        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Edit label")).click();
        Locator dialog = dashboard.getByRole(AriaRole.DIALOG, new Page.GetByRoleOptions().setName("Label this share"));
        dialog.waitFor();
        assertThat(dashboard.inputValue("#label-input")).isEqualTo("Door code for Ann");
        dashboard.fill("#label-input", "Ann's door (read)");
        click(dashboard, "Save label");
        PlaywrightAssertions.assertThat(dialog).isHidden();
        PlaywrightAssertions.assertThat(shareRow(dashboard, link).locator(".share-label")).hasText("Ann's door (read)");
        owner.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
    }

    @Test
    void dashboardWhenShareLivesTwoDaysThenWordsArePluralAndZeroKnowledgeFileShowsItsSize() {
        Chromium.Session owner = chromium.person();
        Page page = signIn(owner, fixtures.anAccount().create());
        page.navigate("/");
        page.getByLabel("Secret text").fill("two days");
        page.getByLabel("Expires after").selectOption("custom");
        page.getByLabel("Custom expiry").fill("2");
        page.getByLabel("Unit").selectOption("86400");
        page.getByLabel("Views").selectOption("5");
        click(page, "Create secret link");
        page.locator("#result-title").waitFor();
        String text = page.inputValue("#share-link");

        page.navigate("/");
        page.locator("label[for=kind-file]").click();
        page.setInputFiles("#secret-file", new FilePayload("plan.bin", "application/octet-stream", new byte[3000]));
        click(page, "Create secret link");
        page.locator("#result-title").waitFor();
        String file = page.inputValue("#share-link");

        Page dashboard = owner.open("/dashboard");
        shareRow(dashboard, file).waitFor();
        assertThat(shareRow(dashboard, text).textContent()).contains("in 2 days", "5 of 5 views left")
                .doesNotContain("2 day ", "2 day<");
        assertThat(shareRow(dashboard, text).locator("td[data-label='Expires'] .muted").textContent())
                .isEqualTo("in 2 days");
        assertThat(shareRow(dashboard, file).textContent()).contains("File · about ", "KiB", "zero-knowledge")
                .doesNotContain("plan.bin", "1 of 1 ·");
        assertThat(primaryButtons(dashboard)).as("one primary button on the dashboard").containsExactly("New secret");
        owner.assertNoConsoleProblems();
    }

    @Test
    void settingsWhenOpenedFromTheNavThenAccountSectionsAndOptInMailWorks() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page page = signIn(owner, account);
        assertThat(page.locator("#sessions-body").count()).as("sessions are no longer on the dashboard").isZero();
        page.getByLabel("Main").getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Settings").setExact(true))
                .click();
        page.waitForURL("**/settings");
        page.locator("main[aria-busy='false']").waitFor();
        for (String section : List.of("Notifications", "Sessions", "API tokens", "Account webhook", "Change password")) {
            PlaywrightAssertions.assertThat(page.getByRole(AriaRole.HEADING,
                    new Page.GetByRoleOptions().setName(section).setExact(true))).isVisible();
        }
        assertThat(primaryButtons(page)).as("at most one primary button in a view").hasSizeLessThanOrEqualTo(1);
        Locator optIn = page.getByLabel("Email me when one of my shares is opened");
        assertThat(optIn.isChecked()).as("off by default").isFalse();
        optIn.check();
        page.locator("#notify-notice .message.ok").waitFor();
        page.reload();
        page.locator("main[aria-busy='false']").waitFor();
        assertThat(page.getByLabel("Email me when one of my shares is opened").isChecked()).isTrue();

        page.navigate("/");
        page.getByLabel("Secret text").fill("mail me");
        page.getByLabel("Label (optional, only you see it)").fill("Mailed label");
        click(page, "Create secret link");
        page.locator("#result-title").waitFor();
        Page open = chromium.person().open(page.inputValue("#share-link"));
        click(open, "Open");
        open.locator("#secret").waitFor();
        MailBox.Mail mail = MailBox.await(account.email(), "One of your BAR shares was opened");
        assertThat(mail.text()).contains("\"Mailed label\" was opened", "That was its last view").doesNotContain("mail me");
        owner.assertNoConsoleProblems(WEBHOOK_404);
    }

    /**
     * The language of the account's mails is chosen on the settings page, apart from the page's own
     * language, and the account's mails use it (issue 17).
     */
    @Test
    void settingsWhenMailLanguageChosenThenAccountMailsUseIt() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        Page page = signIn(owner, account);
        page.navigate("/settings");
        page.locator("main[aria-busy='false']").waitFor();
        Locator language = page.locator("#mail-language");
        assertThat(language.inputValue()).as("English until chosen").isEqualTo("en");
        assertThat(language.locator("option").allTextContents()).as("each language named in itself").contains("English",
                "Deutsch");
        language.selectOption("de");
        PlaywrightAssertions.assertThat(page.locator("#mail-language-notice .message.ok"))
                .hasText("Saved: mails to you are written in Deutsch.");
        page.reload();
        page.locator("main[aria-busy='false']").waitFor();
        assertThat(page.locator("#mail-language").inputValue()).isEqualTo("de");
        assertThat(page.locator("html").getAttribute("lang")).as("the page keeps its own language").isEqualTo("en");

        http.postJson("/api/auth/forgot-password", TestHttp.map("email", account.email()));
        MailBox.await(account.email(), "Passwort zurück");
        owner.assertNoConsoleProblems(WEBHOOK_404);
    }

    /**
     * The account pages read in German, Japanese and Arabic, as chosen in the picker (its cookie;
     * issue 17): the server's texts and the
     * scripts' texts from the same catalogue, Arabic right to left, no text missing (a missing key
     * is a console warning). A language is checked once its catalogues are complete, as only then
     * is it offered.
     */
    @Test
    void accountPagesWhenReadInAnotherLanguageThenTheirTextsComeFromItsCatalogue() {
        AccountFixtures.TestAccount account = fixtures.anAccount().create();
        Chromium.Session owner = chromium.person();
        signIn(owner, account);
        List<String> languages = List.of("de", "ja", "ar").stream().filter(CATALOGUES.languages()::contains).toList();
        for (String lang : languages) {
            owner.context.addCookies(List.of(new Cookie(Catalogues.COOKIE, lang).setUrl(http.base())));
            Page settings = owner.open("/settings");
            settings.locator("main[aria-busy='false']").waitFor();
            assertThat(settings.locator("html").getAttribute("dir")).as(lang).isEqualTo(lang.equals("ar") ? "rtl" : "ltr");
            assertThat(settings.locator("h1").textContent()).isEqualTo(CATALOGUES.text(lang, "account.settings.title"));
            assertThat(settings.locator("#account-line").textContent())
                    .isEqualTo(CATALOGUES.text(lang, "account.common.signed_in_as", Map.of("email", account.email())));
            PlaywrightAssertions.assertThat(settings.locator("#recovery-state"))
                    .hasText(CATALOGUES.text(lang, "account.security.recovery.none"));
            Page dashboard = owner.open("/dashboard");
            dashboard.locator("main[aria-busy='false']").waitFor();
            assertThat(dashboard.locator("h1").textContent()).isEqualTo(CATALOGUES.text(lang, "account.dashboard.heading"));
            PlaywrightAssertions.assertThat(dashboard.locator("#shares-empty"))
                    .hasText(CATALOGUES.text(lang, "account.dashboard.shares.empty"));
        }
        owner.assertNoConsoleProblems(WEBHOOK_404);
    }
}
