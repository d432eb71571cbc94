package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.saved;
import static app.bar.web.SharePages.shareId;
import static app.bar.web.SignInPage.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * One link per recipient end to end in a real Chromium (issue 18 item 3,
 * docs/zero-knowledge-format.md "Per-recipient links"): a signed-in sender makes one secret for
 * several named recipients and gets a link for each; each link opens in a browser of its own; one
 * revoked from the dashboard before it is opened says gone while the others still open, byte for
 * byte; the dashboard shows the links together under their secret and names who opened. No request
 * of any browser carries a link key.
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class RecipientLinksBrowserIT {

    private static final Pattern WRAPPED_KEY = Pattern.compile("\"wrappedKey\"\\s*:\\s*\"([A-Za-z0-9_-]{80})\"");

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

    @Test
    void threeRecipientsWhenOneRevokedFromTheDashboardThenItsLinkIsGoneAndTheOthersOpenAndAreNamedAsOpened() {
        String secret = "the vault code is 8841-2207 ✓";
        Chromium.Session sender = chromium.person();
        Page create = signIn(sender, fixtures.anAccount().create());
        create.navigate("/");
        create.locator("#recipients-option:not([hidden])").waitFor();
        create.getByLabel("Secret text").fill(secret);
        create.getByLabel("One link per recipient").check();
        assertThat(create.locator("#password").isDisabled()).as("no password with links per recipient").isTrue();
        assertThat(create.locator("#require-otp").isDisabled()).as("no one-time code with links per recipient").isTrue();
        create.getByLabel("Recipient 1", new Page.GetByLabelOptions().setExact(true)).fill("Alice");
        create.getByLabel("Recipient 2", new Page.GetByLabelOptions().setExact(true)).fill("Bob");
        click(create, "Add a recipient");
        create.getByLabel("Recipient 3", new Page.GetByLabelOptions().setExact(true)).fill("Carol");
        click(create, "Create secret link");
        PlaywrightAssertions.assertThat(create.locator("#result-title")).hasText("Your recipients' links are ready");
        List<String> links = links(create, "Alice", "Bob", "Carol");
        assertThat(links).doesNotHaveDuplicates()
                .allMatch(l -> l.matches(chromium.base() + "/s/[A-Za-z0-9_-]{22}#[A-Za-z0-9_-]{43}"));
        assertThat(links.stream().map(l -> l.substring(l.indexOf('#'))).distinct()).as("a key of its own each").hasSize(3);
        assertThat(create.locator("#share-link").isVisible()).as("no single link").isFalse();

        Page dashboard = sender.open("/dashboard");
        Locator group = dashboard.locator("tr.group-row");
        PlaywrightAssertions.assertThat(group).hasCount(1);
        assertThat(group.textContent()).contains("One secret, 3 recipient links", "Live links: 3 of 3");
        assertThat(dashboard.locator("tr.group-member .share-label").allTextContents()).as("members by label")
                .containsExactly("Alice", "Bob", "Carol");
        String firstExpiry = group.locator("td.group-expiry").textContent();
        assertThat(firstExpiry).as("the group's earliest expiry").isNotEqualTo("—")
                .startsWith(member(dashboard, links.get(0)).locator("td.when").nth(1).textContent());
        assertThat(group.locator("td.when").first().textContent()).as("the group's creation")
                .isEqualTo(member(dashboard, links.get(0)).locator("td.when").first().textContent());
        Locator bob = member(dashboard, links.get(1));
        assertThat(bob.locator(".share-label").textContent()).isEqualTo("Bob");
        assertThat(bob.textContent()).contains("1 of 1 view left", "Active");
        bob.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke").setExact(true)).click();
        PlaywrightAssertions.assertThat(dashboard.locator("#shares-notice .message.ok"))
                .hasText("The link of Bob is revoked: it opens nothing any more. The other links still open.");

        List<Chromium.Session> readers = new ArrayList<>();
        for (int i : new int[] {0, 2}) {
            Chromium.Session reader = chromium.person();
            readers.add(reader);
            Page open = reader.open(links.get(i));
            open.locator("#unlock-title").waitFor();
            click(open, "Open");
            PlaywrightAssertions.assertThat(open.locator("#secret")).hasValue(secret);
        }
        Chromium.Session revoked = chromium.person();
        Page gone = revoked.open(links.get(1));
        gone.locator("#gone:not([hidden])").waitFor();
        PlaywrightAssertions.assertThat(gone.locator("#gone h1")).hasText("This share no longer exists");

        dashboard.reload();
        group = dashboard.locator("tr.group-row");
        group.waitFor();
        assertThat(group.textContent()).contains("Opened by: ", "Alice", "Carol", "Live links: 0 of 3").doesNotContain("Bob");
        assertThat(group.locator("td.group-expiry").textContent()).as("no live link, no expiry").isEqualTo("—");
        assertThat(dashboard.locator("tr.group-member .share-label").allTextContents()).containsExactly("Alice", "Bob", "Carol");
        for (int i : new int[] {0, 2}) {
            Locator row = member(dashboard, links.get(i));
            assertThat(row.textContent()).contains("Opened 1 of 1 time", "Destroyed: read");
            assertThat(log(row)).contains("Opened");
        }
        Locator bobAfter = member(dashboard, links.get(1));
        assertThat(bobAfter.textContent()).contains("Bob", "Never opened", "Burned");
        assertThat(log(bobAfter)).doesNotContain("Opened");

        List<Chromium.SentRequest> sent = new ArrayList<>(sender.requests());
        readers.forEach(r -> sent.addAll(r.requests()));
        sent.addAll(revoked.requests());
        for (String link : links) {
            String key = link.substring(link.indexOf('#') + 1);
            assertThat(sent).as("no request carries a link key").noneMatch(r -> r.contains(key));
        }
        assertThat(sender.requests()).noneMatch(r -> r.contains(secret));
        sender.assertNoConsoleProblems();
        readers.forEach(Chromium.Session::assertNoConsoleProblems);
        revoked.assertNoConsoleProblems(status(404, "/api/shares/"));
    }

    @Test
    void fileForTwoRecipientsWhenOpenedThenEachSavesItByteForByteAndAnAlteredWrappedKeyIsRefusedWithoutAView()
            throws IOException {
        byte[] bytes = new byte[1536 * 1024 + 33]; // several segments
        new Random(18).nextBytes(bytes);
        Chromium.Session sender = chromium.person();
        Page create = signIn(sender, fixtures.anAccount().create());
        create.navigate("/");
        create.locator("#recipients-option:not([hidden])").waitFor();
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", new FilePayload("plan.bin", "application/octet-stream", bytes));
        create.getByLabel("One link per recipient").check();
        create.getByLabel("Recipient 1", new Page.GetByLabelOptions().setExact(true)).fill("Dana");
        create.getByLabel("Recipient 2", new Page.GetByLabelOptions().setExact(true)).fill("Émile");
        click(create, "Create secret link");
        create.locator("#recipient-result:not([hidden])").waitFor();
        List<String> links = links(create, "Dana", "Émile");
        assertThat(sender.requests().stream().filter(r -> r.method().equals("PUT") && r.url().endsWith("/content")))
                .as("the container is uploaded once, to the first recipient's share")
                .singleElement().satisfies(r -> assertThat(r.url()).contains(shareId(links.get(0))));

        // a server that altered the wrapped key: the unwrap fails before the view is spent
        Chromium.Session tampered = chromium.person();
        Page bad = tampered.open(links.get(0));
        bad.locator("#unlock-title").waitFor();
        bad.route("**/api/shares/*/unlock", RecipientLinksBrowserIT::alterWrappedKey);
        click(bad, "Open");
        PlaywrightAssertions.assertThat(bad.locator("#problem-notice")).hasText(
                "The secret could not be decrypted: the link is not the one the sender made, or the content was altered. "
                        + "Nothing of it is shown.");
        assertThat(tampered.requests()).as("no view spent").noneMatch(r -> r.url().endsWith("/content"));

        List<Chromium.Session> readers = new ArrayList<>();
        for (String link : links) {
            Chromium.Session reader = chromium.person();
            readers.add(reader);
            Page open = reader.open(link);
            open.locator("#unlock-title").waitFor();
            Download download = open.waitForDownload(() -> click(open, "Open"));
            assertThat(download.suggestedFilename()).isEqualTo("plan.bin");
            assertThat(saved(download)).as(link).isEqualTo(bytes);
        }

        Page dashboard = sender.open("/dashboard");
        Locator group = dashboard.locator("tr.group-row");
        group.waitFor();
        assertThat(group.textContent()).contains("One secret, 2 recipient links", "Dana", "Émile", "Live links: 0 of 2");
        assertThat(dashboard.locator("tr.group-member .share-label").allTextContents()).containsExactly("Dana", "Émile");
        sender.assertNoConsoleProblems();
        tampered.assertNoConsoleProblems();
        readers.forEach(Chromium.Session::assertNoConsoleProblems);
    }

    /** The links the result page lists, in order, each under its recipient's label. */
    private static List<String> links(Page page, String... labels) {
        Locator items = page.locator("#recipient-links li");
        PlaywrightAssertions.assertThat(items).hasCount(labels.length);
        List<String> links = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            Locator item = items.nth(i);
            assertThat(item.locator(".recipient-name").textContent()).isEqualTo(labels[i]);
            assertThat(item.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                    .setName("Copy the link for " + labels[i]).setExact(true)).count()).isEqualTo(1);
            links.add(item.getByLabel("Link for " + labels[i], new Locator.GetByLabelOptions().setExact(true)).inputValue());
        }
        return links;
    }

    /** The dashboard row of a recipient's share, under its group. */
    private static Locator member(Page dashboard, String link) {
        Locator row = dashboard.locator("tr.group-member[data-share='" + shareId(link) + "']");
        row.waitFor();
        return row;
    }

    /** Opens a row's access log and returns its text. */
    private static String log(Locator row) {
        row.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Access log")).click();
        Locator log = row.locator("xpath=following-sibling::tr[1]");
        log.locator("ol.log, p.empty").waitFor();
        return log.textContent();
    }

    private static void alterWrappedKey(Route route) {
        APIResponse response = route.fetch();
        String body = response.text();
        Matcher m = WRAPPED_KEY.matcher(body);
        assertThat(m.find()).as("the unlock answer carries the wrapped key").isTrue();
        char[] key = m.group(1).toCharArray();
        key[40] = key[40] == 'A' ? 'B' : 'A';
        String altered = body.substring(0, m.start(1)) + new String(key) + body.substring(m.end(1));
        route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(altered));
    }
}
