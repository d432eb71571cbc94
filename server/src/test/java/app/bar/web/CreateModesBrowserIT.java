package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SharePages.click;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The create page's mode switch in a real Chromium (issue 18 item 5): Secret, Files and Request a
 * secret, a radio group worked by mouse or arrow keys, kept in the address so a reload keeps the
 * mode; a signed-in user makes a request there that another browser answers, an anonymous one is
 * told requests need an account.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class CreateModesBrowserIT {

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

    private static Page createPage(Chromium.Session session, String path) {
        Page page = session.open(path);
        page.locator("#create-title:not(:empty)").waitFor();
        return page;
    }

    /** Picks a mode as a person does, by its label (the radio button itself is hidden under it). */
    private static void pick(Page page, String mode) {
        page.locator("#modes").getByText(mode, new com.microsoft.playwright.Locator.GetByTextOptions().setExact(true)).click();
        PlaywrightAssertions.assertThat(page.getByRole(AriaRole.RADIO, new Page.GetByRoleOptions().setName(mode)
                .setExact(true))).isChecked();
    }

    @Test
    void modeWhenChosenThenOnlyItsFormShows() {
        Chromium.Session sender = chromium.person();
        Page page = createPage(sender, "/");
        PlaywrightAssertions.assertThat(page.locator("#secret-text")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#dropzone")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#request-mode")).isHidden();

        pick(page, "Files");
        PlaywrightAssertions.assertThat(page.locator("#dropzone")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#secret-text")).isHidden();
        PlaywrightAssertions.assertThat(page.locator("#password")).isVisible();

        pick(page, "Request a secret");
        PlaywrightAssertions.assertThat(page.locator("#request-mode")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#create-form")).isHidden();
        sender.assertNoConsoleProblems();
    }

    @Test
    void modeWhenArrowKeyPressedThenNextModeChosenWithVisibleFocusAndTheAddressFollows() {
        Chromium.Session sender = chromium.person();
        Page page = createPage(sender, "/");
        assertThat(page.locator("#modes").getAttribute("role")).isEqualTo("radiogroup");
        page.focus("#kind-text");

        page.keyboard().press("ArrowRight");
        PlaywrightAssertions.assertThat(page.locator("#kind-file")).isChecked();
        PlaywrightAssertions.assertThat(page.locator("#kind-file")).isFocused();
        PlaywrightAssertions.assertThat(page.locator("#dropzone")).isVisible();
        assertThat(page.url()).isEqualTo(chromium.base() + "/?mode=files");
        assertThat(page.evaluate("getComputedStyle(document.querySelector('label[for=kind-file]')).outlineStyle"))
                .as("the focused mode's label is outlined").isEqualTo("solid");

        page.keyboard().press("ArrowRight");
        PlaywrightAssertions.assertThat(page.locator("#kind-request")).isChecked();
        assertThat(page.url()).isEqualTo(chromium.base() + "/?mode=request");

        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        PlaywrightAssertions.assertThat(page.locator("#kind-text")).isChecked();
        assertThat(page.url()).isEqualTo(chromium.base() + "/");
        sender.assertNoConsoleProblems();
    }

    @Test
    void modeWhenPageReloadedThenKept() {
        Chromium.Session sender = chromium.person();
        Page page = createPage(sender, "/");
        pick(page, "Files");
        page.reload();
        page.locator("#create-title:not(:empty)").waitFor();
        PlaywrightAssertions.assertThat(page.locator("#kind-file")).isChecked();
        PlaywrightAssertions.assertThat(page.locator("#dropzone")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#secret-text")).isHidden();

        pick(page, "Request a secret");
        page.reload();
        page.locator("#create-title:not(:empty)").waitFor();
        PlaywrightAssertions.assertThat(page.locator("#kind-request")).isChecked();
        PlaywrightAssertions.assertThat(page.locator("#request-mode")).isVisible();
        sender.assertNoConsoleProblems();
    }

    @Test
    void requestModeWhenAnonymousThenToldToSignIn() {
        Chromium.Session visitor = chromium.person();
        Page page = createPage(visitor, "/?mode=request");
        PlaywrightAssertions.assertThat(page.locator("#request-sign-in"))
                .hasText("Only signed-in users can request a secret. Sign in");
        PlaywrightAssertions.assertThat(page.locator("#request-sign-in a")).hasAttribute("href", "/login?next=/r/new");
        PlaywrightAssertions.assertThat(page.locator("#new-form")).isHidden();
        assertThat(visitor.requests()).noneMatch(r -> r.method().equals("POST"));
        visitor.assertNoConsoleProblems();
    }

    @Test
    void requestModeWhenSignedInThenRequestMadeAndAnsweredFromAnotherBrowser() {
        Chromium.Session requester = chromium.person();
        signIn(requester, fixtures.anAccount().create()).close();
        Page page = createPage(requester, "/");
        pick(page, "Request a secret");
        page.getByLabel("Note for the person you ask").fill("The VPN pre-shared key, please");
        click(page, "Create request");
        PlaywrightAssertions.assertThat(page.locator("#made-title")).isFocused();
        PlaywrightAssertions.assertThat(page.locator("#new-form")).isHidden();
        String requestLink = page.inputValue("#request-link");
        String openLink = page.inputValue("#open-link");
        assertThat(requestLink).matches(chromium.base() + "/r/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{87}");
        assertThat(openLink).matches(chromium.base() + "/r/[A-Za-z0-9_-]{22}/open#[A-Za-z0-9_-]{130}");

        Chromium.Session filler = chromium.person();
        Page fill = filler.open(requestLink);
        PlaywrightAssertions.assertThat(fill.locator("#fill-note")).hasText("The VPN pre-shared key, please");
        fill.locator("#fill-text").fill("psk-4711-orange");
        fill.locator("#fill-button").click();
        fill.locator("#sent-title").waitFor();

        Page open = requester.open(openLink);
        open.waitForURL(url -> url.contains("/s/"));
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        PlaywrightAssertions.assertThat(open.locator("#secret")).hasValue("psk-4711-orange");
        requester.assertNoConsoleProblems();
        filler.assertNoConsoleProblems();
    }
}
