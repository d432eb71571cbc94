package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every page in a real Chromium, signed out: it loads without a CSP violation or console error,
 * every form field has a label, the keyboard reaches it with a visible focus, and it fits a phone.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class PagesBrowserIT {

    /** Path → a selector that shows the page has done its work. */
    private static final Map<String, String> PAGES = Map.of(
            "/", "#create-form",
            "/login", "#login-form",
            "/register", "#register-form",
            "/reset", "#forgot-form",
            "/reset#token=abc", "#reset-form",
            "/verify-email#token=abc", "#verify-button",
            "/verify-email", "#verify-missing",
            "/help/https", "#help-title",
            "/s/k3PZq8vW2mXa7RtY0cLbNg#Hq9e2VbX4rT7uPzL0sKdWmC6yA1nFjGo3iE8tQwS5vY", "#gone h1");

    /** Fields, buttons and links without a name a screen reader can say, on the page as shown. */
    private static final String UNLABELLED = """
            () => [...document.querySelectorAll('input, select, textarea, button, a[href]')]
              .filter((e) => e.type !== 'hidden' && e.getClientRects().length > 0)
              .filter((e) => !(e.labels && e.labels.length > 0) && !e.getAttribute('aria-label')
                && !e.getAttribute('aria-labelledby') && !(e.textContent || '').trim())
              .map((e) => e.outerHTML.slice(0, 120))""";

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @Test
    void everyPageWhenLoadedThenNoConsoleProblemAndEveryFieldLabelled() {
        for (Map.Entry<String, String> entry : PAGES.entrySet()) {
            try (Chromium.Session session = chromium.person()) {
                Page page = session.open(entry.getKey());
                page.locator(entry.getValue()).waitFor();
                page.waitForLoadState(com.microsoft.playwright.options.LoadState.NETWORKIDLE);
                assertThat(page.locator("h1:visible").count()).as("a visible heading on %s", entry.getKey()).isEqualTo(1);
                assertThat(page.evaluate(UNLABELLED)).as("unlabelled controls on %s", entry.getKey()).isEqualTo(List.of());
                session.assertNoConsoleProblems(status(404, "/api/shares/k3PZq8vW2mXa7RtY0cLbNg"));
            }
        }
    }

    @Test
    void signedInPagesWhenSignedOutThenSendToSignIn() {
        for (String path : List.of("/dashboard", "/settings", "/admin")) {
            try (Chromium.Session session = chromium.person()) {
                Page page = session.open(path);
                page.waitForURL("**/login?next=" + path);
                page.locator("#login-form").waitFor();
                session.assertNoConsoleProblems();
            }
        }
    }

    @Test
    void createPageWhenUsedByKeyboardThenFocusIsVisibleAndReachesTheForm() {
        Chromium.Session session = chromium.person();
        Page page = session.open("/");
        page.locator("#create-form").waitFor();
        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => document.activeElement.className")).isEqualTo("skip");
        assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        page.keyboard().press("Enter"); // "Skip to content"
        for (int i = 0; i < 12 && !"secret-text".equals(page.evaluate("() => document.activeElement.id")); i++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("secret-text");
        assertThat(page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")).isEqualTo("solid");
        page.keyboard().type("typed, never clicked");
        page.keyboard().press("Tab");
        assertThat(page.evaluate("() => document.activeElement.id")).isEqualTo("expiry");
        session.assertNoConsoleProblems();
    }

    @Test
    void shareWhenCreatedAndOpenedOnAPhoneThenNothingScrollsSidewaysAndTheSecretShows() {
        String secret = "phone secret " + System.nanoTime();
        String link;
        Chromium.Session sender = chromium.person(375, 740);
        Page create = sender.open("/");
        create.getByLabel("Secret text").fill(secret);
        create.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create secret link").setExact(true)).click();
        create.locator("#result-title").waitFor();
        link = create.inputValue("#share-link");
        assertThat(create.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll on the result").isEqualTo(true);
        Screenshots.save(create, "result-phone", Map.of("#share-link", Screenshots.EXAMPLE_LINK,
                "#qr", Screenshots.EXAMPLE_LINK,
                "#manage-link", "https://bar.example.com/s/k3PZq8vW2mXa7RtY0cLbNg#manage=bar_mt_…",
                "#result-expiry", "24 Nov 2026, 09:30 (in 24 h)"));
        sender.assertNoConsoleProblems();
        Chromium.Session recipient = chromium.person(375, 740);
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        assertThat(open.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll on the open page").isEqualTo(true);
        Screenshots.save(open, "open-phone", Map.of("#meta-expiry", "24 Nov 2026, 09:30 (in 24 h)"));
        open.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open").setExact(true)).click();
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo(secret);
        assertThat(open.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .as("no horizontal scroll on the opened secret").isEqualTo(true);
        Screenshots.save(open, "opened-phone", Map.of("#secret", "correct horse battery staple"));
        recipient.assertNoConsoleProblems();
    }

    @Test
    void pagesWhenOnAPhoneThenNothingScrollsSideways() {
        for (String path : List.of("/", "/login", "/register", "/reset")) {
            try (Chromium.Session session = chromium.person(375, 740)) {
                Page page = session.open(path);
                page.locator("main h1").first().waitFor();
                assertThat(page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth"))
                        .as("no horizontal scroll on %s", path).isEqualTo(true);
                if (path.equals("/")) {
                    Screenshots.save(page, "create-phone");
                }
                session.assertNoConsoleProblems();
            }
        }
    }
}
