package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.createText;
import static app.bar.web.SharePages.shareId;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A recipient never loses a share to something fixable (issue 13 items 1–7), in a real Chromium:
 * one behaviour per test.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class RecipientBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;

    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    /** The link with one character of its key changed (still 43 base64url characters). */
    private static String damaged(String link) {
        int at = link.indexOf('#') + 10;
        char replacement = link.charAt(at) == 'A' ? 'B' : 'A';
        return link.substring(0, at) + replacement + link.substring(at + 1);
    }

    @Test
    void damagedLinkWhenOpenedThenSaysDamagedAndSpendsNoView() {
        String link = createText(chromium.person().open("/"), "the right link still opens");
        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(damaged(link));
        click(open, "Open");
        open.locator("#problem-title:has-text('This link is damaged')").waitFor();
        assertThat(open.textContent("#problem-notice")).contains("No view was used");

        Page right = chromium.person().open(link);
        click(right, "Open");
        right.locator("#secret").waitFor();
        assertThat(right.inputValue("#secret")).isEqualTo("the right link still opens");
        recipient.assertNoConsoleProblems(status(401, "/api/shares/" + shareId(link) + "/unlock"));
    }

    @Test
    void incompleteLinkWhenTheWholeLinkIsPastedThenTheFragmentIsReadAgain() {
        String link = createText(chromium.person().open("/"), "pasted in the same tab");
        Page open = chromium.person().open(link.substring(0, link.indexOf('#')));
        open.locator("#problem-title:has-text('This link is incomplete')").waitFor();
        open.evaluate("fragment => { location.hash = fragment; }", link.substring(link.indexOf('#') + 1));
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("pasted in the same tab");
    }

    @Test
    void insecureContextWhenOpenedThenExplainsHttpsAndSpendsNoView() {
        String link = createText(chromium.person().open("/"), "needs a secure page");
        Chromium.Session recipient = chromium.person();
        // what Chromium does on http:// to any name but localhost: no WebCrypto
        recipient.context.addInitScript(INSECURE);
        Page open = recipient.open(link);
        open.locator("#problem-title:has-text('This page must be served over HTTPS')").waitFor();
        assertThat(open.locator("#problem-notice a").getAttribute("href")).isEqualTo("/help/https");
        assertThat(recipient.requests()).noneMatch(r -> r.url().endsWith("/unlock"));
        assertThat(http.get("/api/shares/" + shareId(link)).statusCode()).isEqualTo(200);
        assertThat(http.get("/help/https").body()).contains("BAR needs HTTPS");
        recipient.assertNoConsoleProblems();
    }

    @Test
    void insecureContextWhenCreatePageLoadedThenExplainsHttpsAndCannotCreate() {
        Chromium.Session sender = chromium.person();
        sender.context.addInitScript(INSECURE);
        Page create = sender.open("/");
        create.locator("#create-notice:has-text('must be served over HTTPS')").waitFor();
        assertThat(create.locator("#create-button").isDisabled()).isTrue();
        sender.assertNoConsoleProblems();
    }

    @Test
    void wrongPasswordWhenTriedThenSaysTriesLeftMarksTheFieldAndCountsDown() {
        String link = createText(chromium.person().open("/"), "behind a password", "orange kettle sunrise");
        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.getByLabel("Password").fill("orange kettle sunset");
        click(open, "Open");
        open.locator("#unlock-notice:has-text('Wrong password')").waitFor();
        assertThat(open.textContent("#unlock-notice")).contains("4 tries left before the secret is locked");
        assertThat(open.getAttribute("#password", "aria-invalid")).isEqualTo("true");
        assertThat(open.getAttribute("#password", "aria-describedby")).isEqualTo("unlock-notice");
        open.locator("#open-button:not([disabled])").waitFor();
        recipient.assertNoConsoleProblems(status(401, "/unlock"));
    }

    @Test
    void tooSoonWhenTheWaitIsShortThenThePressedAttemptRunsByItself() {
        String link = createText(chromium.person().open("/"), "opened on the second call");
        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        open.route("**/unlock", route -> {
            if (calls.incrementAndGet() == 1) {
                route.fulfill(new com.microsoft.playwright.Route.FulfillOptions().setStatus(429)
                        .setHeaders(java.util.Map.of("Retry-After", "1", "Content-Type", "application/problem+json"))
                        .setBody("{\"status\":429,\"code\":\"share.retry_later\",\"detail\":\"Wait.\"}"));
            } else {
                route.resume();
            }
        });
        click(open, "Open");
        open.locator("#unlock-notice:has-text('Checking again')").waitFor();
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("opened on the second call");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void copyWhenPressedThenCopiedIsAnnouncedInALiveRegion() {
        String link = createText(chromium.person().open("/"), "copy me");
        Page open = chromium.person().open(link);
        click(open, "Open");
        open.locator("#secret").waitFor();
        click(open, "Copy");
        open.locator("#announcer[role=status]:has-text('Copied')").waitFor(
                new com.microsoft.playwright.Locator.WaitForOptions().setState(
                        com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
    }

    @Test
    void viewOnlyWhenTheFileIsAZipThenTheCreatePageSaysWhyAndUploadsNothing() {
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", new com.microsoft.playwright.options.FilePayload("photos.zip", "application/zip",
                new byte[] {'P', 'K', 3, 4, 0, 0}));
        create.getByLabel("View only").check();
        click(create, "Create secret link");
        create.locator("#create-notice:has-text('View only')").waitFor();
        assertThat(create.textContent("#create-notice")).contains("cannot show photos.zip");
        assertThat(create.getAttribute("#view-only", "aria-invalid")).isEqualTo("true");
        assertThat(sender.requests()).noneMatch(r -> r.method().equals("POST") && r.url().contains("/api/shares"));
        sender.assertNoConsoleProblems();
    }

    @Test
    void lastViewWhenOpenedThenSaysItIsDestroyedNow() {
        String link = createText(chromium.person().open("/"), "only once");
        Page open = chromium.person().open(link);
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.textContent("#after-note"))
                .isEqualTo("That was the last view: it is destroyed now. Copy it before you leave.");
    }

    @Test
    void recipientBurnWhenTheSenderAllowedItThenTheReaderDestroysTheShare() {
        Page create = chromium.person().open("/");
        create.getByLabel("Views").selectOption("5");
        create.getByLabel("Let the recipient destroy it after reading").check();
        String link = createText(create, "burn it when read");
        Page open = chromium.person().open(link);
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.textContent("#after-note")).contains("4 views are left");
        click(open, "I have it: destroy it now");
        open.locator("#recipient-burn-notice .message.ok").waitFor();
        assertThat(http.get("/api/shares/" + shareId(link)).statusCode()).isEqualTo(404);
    }

    @Test
    void manageLinkWhenTheShareWasOpenedThenSaysWhenAndInWhichBrowserInsteadOfGone() {
        Page create = chromium.person().open("/");
        String link = createText(create, "tell the sender");
        String manage = create.inputValue("#manage-link");
        Page open = chromium.person().open(link);
        click(open, "Open");
        open.locator("#secret").waitFor();
        Page sender = chromium.person().open(manage);
        sender.locator("#manage-title").waitFor();
        assertThat(sender.textContent("#manage-state")).startsWith("It was opened: its last view is used, and it is destroyed.");
        assertThat(sender.textContent("#manage-opened")).contains("in Chrome");
        assertThat(sender.locator("#manage-burn").isVisible()).isFalse();
    }

    /** Chromium on http:// to any name but localhost: not a secure context, so no crypto.subtle. */
    private static final String INSECURE = "Object.defineProperty(globalThis, 'isSecureContext', {value: false});"
            + "Object.defineProperty(globalThis.crypto, 'subtle', {value: undefined});";
}
