package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.createText;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.account.AccountFixtures;
import app.bar.support.BarIntegrationTest;
import app.bar.support.EmbeddedRunOnly;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * The create page in a real Chromium, one behaviour per test: it tells the sender the limits
 * before any work, in human units (issue 13 item 8; the server's default limits: anonymous
 * 100 MiB, 7 days; signed in 2 GiB, 30 days, unlimited views), and it sends the link and its key
 * apart and generates passwords (item 10).
 */
@RequiresTool(CHROMIUM)
@EmbeddedRunOnly
@BarIntegrationTest
class CreatePageBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @TempDir
    Path files;

    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    /** The create page once it knows who is signed in and the server's limits (the drop zone says them). */
    private static Page createPage(Chromium.Session session) {
        Page page = session.open("/");
        page.locator("#file-limit:has-text('Up to')").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        return page;
    }

    private Chromium.Session signedIn() {
        AccountFixtures.TestAccount account = new AccountFixtures(context, http).anAccount().create();
        Chromium.Session session = chromium.person();
        SignInPage.signIn(session, account).close();
        return session;
    }

    private static List<String> options(Page page, String select) {
        return page.locator(select + " option").allTextContents();
    }

    /** A file of {@code size} bytes that takes no disk: the page reads only its size before refusing it. */
    private Path sparseFile(String name, long size) throws IOException {
        Path file = files.resolve(name);
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.setLength(size);
        }
        return file;
    }

    @Test
    void dropZoneWhenAnonymousThenSaysTheUploadLimitAndTheSignedInOne() {
        Chromium.Session sender = chromium.person();
        Page create = createPage(sender);
        create.locator("label[for=kind-file]").click();
        assertThat(create.textContent("#file-limit")).startsWith("Up to 100 MiB, 2 GiB signed in.");
        sender.assertNoConsoleProblems();
    }

    @Test
    void fileOverTheLimitWhenCreatedThenRefusedBeforeAnyShareOrUpload() throws IOException {
        Chromium.Session sender = chromium.person();
        Page create = createPage(sender);
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", sparseFile("too-big.bin", 101L << 20));
        create.locator("#create-notice .message.error").waitFor();
        click(create, "Create secret link");
        create.locator("#create-notice .message.error").waitFor();
        assertThat(create.textContent("#create-notice")).isEqualTo("too-big.bin is 101 MiB, and this server takes up to"
                + " 100 MiB. Signed in, you may send up to 2 GiB. Nothing was uploaded.");
        assertThat(create.getAttribute("#secret-file", "aria-invalid")).isEqualTo("true");
        assertThat(create.locator("#progress").isVisible()).as("nothing encrypted").isFalse();
        assertThat(sender.requests()).as("no share created, nothing uploaded")
                .noneMatch(r -> r.method().equals("POST") || r.method().equals("PUT"));
        sender.assertNoConsoleProblems();
    }

    @Test
    void choicesWhenAnonymousThenExpiriesUpTo7DaysAndNoUnlimitedViews() {
        Chromium.Session sender = chromium.person();
        Page create = createPage(sender);
        assertThat(options(create, "#expiry")).containsExactly("5 minutes", "1 hour", "1 day", "7 days", "Custom…");
        assertThat(create.inputValue("#expiry")).isEqualTo("86400");
        assertThat(options(create, "#views")).containsExactly("1 view", "5 views", "10 views", "100 views");
        sender.assertNoConsoleProblems();
    }

    @Test
    void choicesWhenSignedInThenExpiriesUpTo30DaysAndUnlimitedViews() {
        Chromium.Session sender = signedIn();
        Page create = createPage(sender);
        create.locator("#expiry option[value='2592000']").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(WaitForSelectorState.ATTACHED));
        assertThat(options(create, "#expiry")).containsExactly("5 minutes", "1 hour", "1 day", "7 days", "30 days",
                "Custom…");
        assertThat(options(create, "#views")).containsExactly("1 view", "5 views", "10 views", "100 views", "Unlimited");
        assertThat(create.textContent("#file-limit")).startsWith("Up to 2 GiB.");
    }

    @Test
    void customExpiryWhenBeyondTheLimitThenSaysTheRangeInDaysAndSendsNothing() {
        Chromium.Session sender = chromium.person();
        Page create = createPage(sender);
        create.getByLabel("Secret text").fill("not for ten days");
        create.getByLabel("Expires after").selectOption("custom");
        create.getByLabel("Custom expiry").fill("10");
        create.getByLabel("Unit").selectOption("86400");
        click(create, "Create secret link");
        create.locator("#create-notice .message.error").waitFor();
        assertThat(create.textContent("#create-notice"))
                .isEqualTo("Choose a custom expiry between 1 minute and 7 days. Signed-in users may choose longer ones.");
        assertThat(create.getAttribute("#custom-amount", "aria-invalid")).isEqualTo("true");
        assertThat(sender.requests()).noneMatch(r -> r.method().equals("POST"));
        sender.assertNoConsoleProblems();
    }

    private static String clipboard(Page page) {
        return (String) page.evaluate("() => navigator.clipboard.readText()");
    }

    @Test
    void linkAndKeyWhenSentApartThenTheRecipientPastesTheKeyAndReadsTheSecret() {
        Chromium.Session sender = chromium.person();
        Page create = createPage(sender);
        create.getByLabel("Secret text").fill("two messages, one secret");
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        String whole = create.inputValue("#share-link");
        create.getByLabel("Send the link and its key separately").check();
        click(create, "Copy link without key");
        String link = clipboard(create);
        click(create, "Copy key");
        String key = clipboard(create);
        assertThat(link).doesNotContain("#");
        assertThat(key).matches("[A-Za-z0-9_-]{43}");
        assertThat(link + "#" + key).isEqualTo(whole);
        assertThat(create.locator("#share-link").isVisible()).as("the whole link is not offered beside them").isFalse();

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.locator("#problem-title:has-text('This link is incomplete')").waitFor();
        open.getByLabel("Key from the sender").fill(key);
        click(open, "Use this key");
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("two messages, one secret");
        assertThat(recipient.requests()).as("the key goes to no server").noneMatch(r -> r.contains(key));
        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
    }

    @Test
    void pastedKeyWhenNotWholeThenSaysSoAndSendsNothing() {
        String link = createText(createPage(chromium.person()), "the key must be whole");
        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link.substring(0, link.indexOf('#')));
        open.getByLabel("Key from the sender").fill(link.substring(link.indexOf('#') + 1, link.length() - 1));
        click(open, "Use this key");
        open.locator("#key-notice .message.error").waitFor();
        assertThat(open.textContent("#key-notice")).startsWith("That is not a whole key");
        assertThat(open.getAttribute("#key", "aria-invalid")).isEqualTo("true");
        assertThat(recipient.requests()).noneMatch(r -> r.method().equals("POST"));
        recipient.assertNoConsoleProblems();
    }

    @Test
    void pastedKeyWhenNotThisSharesThenSaidUnderTheFieldAndNoViewUsed() {
        String link = createText(createPage(chromium.person()), "only my own key opens me");
        String id = link.substring(link.indexOf("/s/") + 3, link.indexOf('#'));
        String key = link.substring(link.indexOf('#') + 1);
        String otherKey = (key.charAt(5) == 'A' ? "B" : "A").repeat(43);
        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link.substring(0, link.indexOf('#')));
        open.getByLabel("Key from the sender").fill(otherKey);
        click(open, "Use this key");
        click(open, "Open");
        open.locator("#key-notice .message.error").waitFor();
        assertThat(open.textContent("#key-notice")).startsWith("That key is not this secret's").contains("No view was used");
        assertThat(open.getAttribute("#key", "aria-invalid")).isEqualTo("true");

        open.getByLabel("Key from the sender").fill(key);
        click(open, "Use this key");
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("only my own key opens me");
        // the wrong key is a failed attempt: a quick second try is told to wait a second, and the page retries by itself
        recipient.assertNoConsoleProblems(Chromium.Expected.status(401, "/api/shares/" + id + "/unlock"),
                Chromium.Expected.status(429, "/api/shares/" + id + "/unlock"));
    }

    @Test
    void passwordGeneratorWhenUsedThenTheShareOpensWithThatPassword() {
        Chromium.Session sender = chromium.person();
        Page create = createPage(sender);
        create.getByLabel("Secret text").fill("behind a generated password");
        click(create, "Generate a password");
        String password = create.inputValue("#password");
        assertThat(password).matches("[A-HJ-NP-Za-km-z2-9]{20}");
        assertThat(create.getAttribute("#password", "type")).as("shown, to be passed on").isEqualTo("text");
        click(create, "Copy password");
        assertThat(clipboard(create)).isEqualTo(password);
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        assertThat(create.textContent("#result-protection")).contains("password");
        String link = create.inputValue("#share-link");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.getByLabel("Password").fill(password);
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("behind a generated password");
        assertThat(sender.requests()).as("the password goes to no server").noneMatch(r -> r.contains(password));
        recipient.assertNoConsoleProblems();
    }
}
