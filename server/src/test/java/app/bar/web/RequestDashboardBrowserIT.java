package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The dashboard's list of requests for a secret in a real Chromium (issue 18 item 5): two requests
 * made on /r/new are listed with their note (as text, shortened), password badge, times and state;
 * one answered from another browser shows as answered after a reload, with no way to open it but
 * the requester's own open link (whose key no request carries); the other is withdrawn after a
 * confirm and is gone from the list and the API.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class RequestDashboardBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    private static final String LONG_NOTE = "<b>Bold?</b> Please send the VPN pre-shared key for the Lisbon office, "
            + "the one we rotated in March, and nothing else";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private AccountFixtures fixtures;

    @BeforeEach
    void setUp() {
        fixtures = new AccountFixtures(context, new TestHttp(port));
    }

    @Test
    void requestsWhenOneAnsweredAndOneWithdrawnThenTheDashboardShowsAnsweredAndForgetsTheOther() {
        Chromium.Session requester = chromium.person();
        Page page = signIn(requester, fixtures.anAccount().create());
        page.navigate("/dashboard");
        PlaywrightAssertions.assertThat(page.locator("#requests-empty")).isVisible();
        PlaywrightAssertions.assertThat(page.locator("#requests-empty"))
                .hasText("No requests yet. Ask someone for a secret with “Request a secret”.");

        String[] answered = makeRequest(page, "The staging database password", "open sesame");
        String[] withdrawn = makeRequest(page, LONG_NOTE, null);

        page.navigate("/dashboard");
        Locator rows = page.locator("#requests-body tr");
        PlaywrightAssertions.assertThat(rows).hasCount(2);
        PlaywrightAssertions.assertThat(page.locator("#requests-empty")).isHidden();
        Locator first = row(page, answered[0]);
        Locator second = row(page, withdrawn[0]);
        assertThat(rows.first().getAttribute("data-request")).as("newest first").isEqualTo(withdrawn[0]);
        assertThat(first.locator(".request-note").textContent()).isEqualTo("The staging database password");
        assertThat(first.textContent()).contains("Open", "password");
        assertThat(first.locator("td.when").count()).as("created and expiry").isEqualTo(2);
        String note = second.locator(".request-note").textContent();
        assertThat(note).startsWith("<b>Bold?</b> Please send").endsWith("…").hasSize(80);
        assertThat(second.locator(".request-note").getAttribute("title")).isEqualTo(LONG_NOTE);
        assertThat(second.locator("b").count()).as("the note is text, not markup").isZero();
        assertThat(second.textContent()).contains("Open").doesNotContain("password");

        Chromium.Session filler = chromium.person();
        Page fill = filler.open(answered[1]);
        fill.getByLabel("Password for this request").fill("open sesame");
        fill.getByLabel("Your secret").fill("hunter2 but longer");
        click(fill, "Encrypt and send");
        fill.locator("#sent-title").waitFor();

        page.reload();
        first = row(page, answered[0]);
        PlaywrightAssertions.assertThat(first.locator(".badge.live")).hasText("Answered");
        assertThat(first.locator(".request-answered").textContent()).startsWith("Answered on ")
                .contains("private open link", "never on the server");
        assertThat(first.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete")).count()).isOne();

        List<String> confirms = new CopyOnWriteArrayList<>();
        page.onDialog(d -> confirms.add(d.message())); // the session's own handler accepts it
        row(page, withdrawn[0]).getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Withdraw")).click();
        PlaywrightAssertions.assertThat(page.locator("#requests-notice .message.ok")).hasText("Request withdrawn.");
        assertThat(confirms).containsExactly("Withdraw this request? Its link will accept no answer any more.");
        PlaywrightAssertions.assertThat(rows).hasCount(1);
        assertThat(rows.first().getAttribute("data-request")).isEqualTo(answered[0]);
        for (String path : List.of("/api/requests/" + withdrawn[0] + "/answer", "/api/requests/" + withdrawn[0])) {
            assertThat(page.evaluate("path => fetch(path).then(r => r.status)", path)).as(path).isEqualTo(404);
        }
        Page late = chromium.person().open(withdrawn[1]);
        PlaywrightAssertions.assertThat(late.locator("#gone h1")).hasText("This request cannot be answered");

        for (String[] made : List.of(answered, withdrawn)) {
            String privateKey = made[2].substring(made[2].indexOf('#') + 1);
            assertThat(requester.requests()).as("the open link's key stays in the browser")
                    .noneMatch(r -> r.contains(privateKey));
        }
        requester.assertNoConsoleProblems(status(404, "/api/requests/" + withdrawn[0]));
        filler.assertNoConsoleProblems();
    }

    /** Makes a request on /r/new, reached from the dashboard; returns its id, request link and open link. */
    private static String[] makeRequest(Page page, String note, String password) {
        page.navigate("/dashboard");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Request a secret")).click();
        page.waitForURL(url -> url.endsWith("/r/new"));
        page.locator("#new-form:visible").waitFor();
        page.getByLabel("Note for the person you ask").fill(note);
        if (password != null) {
            page.getByLabel("Password to answer (optional)").fill(password);
        }
        click(page, "Create request");
        page.locator("#made-title").waitFor();
        String requestLink = page.inputValue("#request-link");
        String id = requestLink.substring(requestLink.indexOf("/r/") + 3, requestLink.indexOf('#'));
        return new String[] {id, requestLink, page.inputValue("#open-link")};
    }

    private static Locator row(Page page, String id) {
        Locator row = page.locator("#requests-body tr[data-request='" + id + "']");
        row.waitFor();
        return row;
    }
}
