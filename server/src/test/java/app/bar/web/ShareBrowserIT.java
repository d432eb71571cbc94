package app.bar.web;

import static app.bar.support.TestTools.Tool.CHROMIUM;
import static app.bar.web.Chromium.Expected.status;
import static app.bar.web.SharePages.click;
import static app.bar.web.SharePages.createText;
import static app.bar.web.SharePages.shareId;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import app.bar.support.RequiresTool;
import app.bar.support.TestHttp;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Zero-knowledge shares through the web UI in a real Chromium: one browser creates, another
 * (a fresh context: another person) opens. The secret, the password and the link's key must
 * never appear in any request either page sends.
 */
@RequiresTool(CHROMIUM)
@BarIntegrationTest
class ShareBrowserIT {

    @RegisterExtension
    static final BrowserSessions chromium = BrowserSessions.onLocalServer();

    @LocalServerPort
    int port;

    private TestHttp http;

    @BeforeEach
    void setUp() {
        http = new TestHttp(port);
    }

    private static String fragment(String link) {
        return link.substring(link.indexOf('#') + 1);
    }

    /** The link access key of a zero-knowledge link (docs/zero-knowledge-format.md), as the open page derives it. */
    static String linkAccessKey(String link) throws java.security.GeneralSecurityException {
        byte[] linkKey = java.util.Base64.getUrlDecoder().decode(fragment(link));
        byte[] key = com.google.crypto.tink.subtle.Hkdf.computeHkdf("HMACSHA256", linkKey, new byte[0],
                "bar/v1/link-access".getBytes(StandardCharsets.US_ASCII), 32);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(key);
    }

    @Test
    void textShareWhenCreatedThenOpensOnceInAnotherBrowserAndIsGoneAfter() {
        String secret = "correct horse battery staple " + System.nanoTime();
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        Screenshots.save(create, "create");
        String link = createText(create, secret, null);
        assertThat(link).startsWith(http.base() + "/s/").matches(".*/s/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{43}");
        assertThat(create.locator("#qr svg path").getAttribute("d")).isNotBlank();
        assertThat(create.textContent("#result-views")).contains("1 view");
        Screenshots.save(create, "result", Map.of("#share-link", Screenshots.EXAMPLE_LINK, "#qr", Screenshots.EXAMPLE_LINK,
                "#manage-link", "https://bar.example.com/s/k3PZq8vW2mXa7RtY0cLbNg#manage=bar_mt_…",
                "#result-expiry", "24 Nov 2026, 09:30 (in 24 h)"));

        // a link preview (a bot fetching the URL) and a page load use no view
        String id = shareId(link);
        assertThat(http.get("/s/" + id).statusCode()).isEqualTo(200);
        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        assertThat(open.textContent("#meta-kind")).isEqualTo("A text secret");
        assertThat(http.get("/api/shares/" + id).statusCode()).as("still there after a page load").isEqualTo(200);
        Screenshots.save(open, "open", Map.of("#meta-expiry", "24 Nov 2026, 09:30 (in 24 h)"));

        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo(secret);
        Screenshots.save(open, "opened-text", Map.of("#secret", "correct horse battery staple"));

        Page again = chromium.person().open(link);
        again.locator("#gone h1").waitFor();
        assertThat(again.textContent("#gone h1")).isEqualTo("This share no longer exists");
        assertThat(http.get("/api/shares/" + id).statusCode()).isEqualTo(404);

        assertSecretsNeverSent(List.of(sender, recipient), secret, fragment(link));
        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
        chromium.people().get(2).assertNoConsoleProblems(status(404, "/api/shares/" + id));
    }

    @Test
    void passwordShareWhenWrongPasswordFirstThenRefusedCountsDownAndOpens() throws Exception {
        String secret = "the vault code is 7 4 1 9";
        String password = "orange kettle sunrise";
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        String link = createText(create, secret, password);
        assertThat(create.textContent("#result-protection")).contains("password");
        String id = shareId(link);

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.getByLabel("Password").fill("orange kettle sunset");
        click(open, "Open");
        open.locator("#unlock-notice .message.error").waitFor();
        assertThat(open.textContent("#unlock-notice")).contains("Wrong password");
        assertThat(open.locator("#secret").isVisible()).isFalse();

        // two more wrong tries (any wrong access key), each after its delay: the next one waits 4 s,
        // ample time for the browser to derive the key and be told to wait
        String wrongKey = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]);
        for (long delay : new long[] {1100, 2100}) {
            Thread.sleep(delay);
            assertThat(http.postJson("/api/shares/" + id + "/unlock", TestHttp.map("linkAccessKey", linkAccessKey(link),
                    "accessKey", wrongKey)).statusCode()).isEqualTo(401);
        }

        open.getByLabel("Password").fill(password);
        open.locator("#open-button").click();
        open.locator("#open-button:has-text('Try again in')").waitFor(); // 429 + Retry-After, counted down
        assertThat(open.locator("#open-button").isDisabled()).isTrue();
        open.locator("#open-button:not([disabled])").waitFor();
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo(secret);

        assertSecretsNeverSent(List.of(sender, recipient), secret, fragment(link));
        assertSecretsNeverSent(List.of(sender, recipient), password, fragment(link));
        assertThat(recipient.requests()).filteredOn(r -> r.url().endsWith("/unlock")).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(r -> assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("accessKey")
                        .doesNotContain("password"));
        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems(status(401, "/unlock"), status(429, "/unlock"));
    }

    @Test
    void fileShareWhenFiveMegabytesThenDownloadedByteForByteAndNeverUploadedInTheClear() throws Exception {
        byte[] file = new byte[5 * 1024 * 1024 + 321];
        new Random(6).nextBytes(file);
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", new FilePayload("contract draft.bin", "application/octet-stream", file));
        create.getByLabel("Views").selectOption("5");
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        String link = create.inputValue("#share-link");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.locator("#unlock-title").waitFor();
        assertThat(open.textContent("#meta-kind")).isEqualTo("A file");
        Download download = open.waitForDownload(() -> click(open, "Open"));
        Path saved = Files.createTempFile("bar-download-", ".bin");
        try {
            download.saveAs(saved);
            assertThat(download.suggestedFilename()).isEqualTo("contract draft.bin");
            assertThat(Files.readAllBytes(saved)).isEqualTo(file);
        } finally {
            Files.deleteIfExists(saved);
        }
        assertThat(open.textContent("#file-name")).isEqualTo("contract draft.bin");

        // what the server stored and serves is the browser's container: the share allows 5 views
        String id = shareId(link);
        String ticket = TestHttp.json(http.postJson("/api/shares/" + id + "/unlock", TestHttp.map("linkAccessKey", linkAccessKey(link)))).get("ticket").asString();
        byte[] stored = http.client().send(http.request("/api/shares/" + id + "/content").header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"ticket\":\"" + ticket + "\"}")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        assertThat(new String(stored, 0, 4, StandardCharsets.ISO_8859_1)).isEqualTo("BAR\u0001");
        assertThat(stored.length).as("header, plaintext with its metadata frame, a tag per 1 MiB segment")
                .isBetween(16 + file.length + 6 * 16, 16 + file.length + 6 * 16 + 200);

        byte[] probe = java.util.Arrays.copyOfRange(file, 2 * 1024 * 1024, 2 * 1024 * 1024 + 64);
        assertThat(Chromium.SentRequest.indexOf(stored, probe)).as("plaintext in the stored container").isEqualTo(-1);
        for (Chromium.Session s : List.of(sender, recipient)) {
            assertThat(s.requests()).noneMatch(r -> r.contains(probe) || r.contains(fragment(link)));
        }
        sender.assertNoConsoleProblems();
        recipient.assertNoConsoleProblems();
    }

    @Test
    void viewOnlyImageWhenOpenedThenPreviewedWithoutDownload() throws Exception {
        byte[] png = java.util.Base64.getDecoder().decode(
                "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAwMDAwMDAAAANAwEBB8f3KwAAAABJRU5ErkJggg==");
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", new FilePayload("pixel.png", "image/png", png));
        create.getByLabel("View only").check();
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        String link = create.inputValue("#share-link");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        click(open, "Open");
        open.locator("img.preview-image").waitFor();
        assertThat(open.locator("img.preview-image").getAttribute("src")).startsWith("blob:");
        assertThat(open.locator("#save-file").isVisible()).isFalse();
        assertThat(open.textContent("#preview-view")).contains("view only");
        recipient.assertNoConsoleProblems();
    }

    @Test
    void manageLinkWhenBurnedThenTheShareIsGone() {
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        String link = createText(create, "burn me", null);
        String manage = create.inputValue("#manage-link");
        assertThat(manage).contains("#manage=bar_mt_");

        Page page = chromium.person().open(manage);
        page.locator("#manage-title").waitFor();
        click(page, "Burn now");
        page.locator("#manage-notice .message.ok").waitFor();
        assertThat(http.get("/api/shares/" + shareId(link)).statusCode()).isEqualTo(404);
        Page open = chromium.person().open(link);
        open.locator("#gone h1").waitFor();
        chromium.people().get(1).assertNoConsoleProblems();
    }

    @Test
    void linkWhenKeyMissingThenSaysIncompleteWithoutUsingAView() {
        Chromium.Session sender = chromium.person();
        String link = createText(sender.open("/"), "needs its key", null);
        String withoutKey = link.substring(0, link.indexOf('#'));
        Page open = chromium.person().open(withoutKey);
        open.locator("#problem-title").waitFor();
        assertThat(open.textContent("#problem-title")).isEqualTo("This link is incomplete");
        assertThat(http.get("/api/shares/" + shareId(link)).statusCode()).isEqualTo(200);
        chromium.people().get(1).assertNoConsoleProblems();
    }

    @Test
    void otpShareWhenRecipientAsksForACodeThenTheMailedCodeOpensIt() {
        String recipientEmail = app.bar.account.AccountFixtures.uniqueEmail("otp");
        Chromium.Session sender = chromium.person();
        Page create = sender.open("/");
        create.getByLabel("Secret text").fill("for your eyes only");
        create.getByLabel("Also require a one-time code").check();
        create.getByLabel("Recipient emails").fill(recipientEmail);
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        String link = create.inputValue("#share-link");

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open(link);
        open.getByLabel("Your email address").fill(recipientEmail);
        click(open, "Send me a code");
        open.getByLabel("Code from the email").waitFor();
        open.getByLabel("Code from the email").fill(mailedCode(recipientEmail));
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("for your eyes only");
        assertSecretsNeverSent(List.of(sender, recipient), "for your eyes only", fragment(link));
        recipient.assertNoConsoleProblems();
    }

    @Test
    void serverModeSharesWhenCreatedByTheApiThenTheOpenPageOpensThemToo() throws Exception {
        String text = TestHttp.json(http.postJson("/api/shares", TestHttp.map("kind", "text", "text", "api secret",
                "password", "server side password"))).get("id").asString();
        var file = TestHttp.json(http.postJson("/api/shares", TestHttp.map("kind", "file", "filename", "notes.txt")));
        String fileId = file.get("id").asString();
        http.send(http.request("/api/shares/" + fileId + "/content")
                .header("Authorization", "Bearer " + file.get("manageToken").asString())
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("plain notes\n")).build());

        Chromium.Session recipient = chromium.person();
        Page open = recipient.open("/s/" + text);
        open.getByLabel("Password").fill("server side password");
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("api secret");

        Page download = recipient.open("/s/" + fileId);
        download.locator("#unlock-title").waitFor();
        Download saved = download.waitForDownload(() -> click(download, "Open"));
        assertThat(saved.suggestedFilename()).isEqualTo("notes.txt");
        assertThat(Files.readString(saved.path())).isEqualTo("plain notes\n");
        recipient.assertNoConsoleProblems();
    }

    @Test
    void openPageWhenWrongCodeThenTicketRanOutThenToldApartByCodeNotByText() {
        // issue #10 item 3: the page told these apart by a regex over the English detail
        String recipientEmail = app.bar.account.AccountFixtures.uniqueEmail("codes");
        String id = TestHttp.json(http.postJson("/api/shares", TestHttp.map("kind", "text", "text", "told by code",
                "maxViews", 3, "requireOtp", true, "otpEmails", List.of(recipientEmail)))).get("id").asString();
        Chromium.Session recipient = chromium.person();
        // every problem reaches the page with the other one's English detail: only its code tells them apart
        recipient.context.route("**/api/shares/" + id + "/*", route -> {
            if (route.request().url().endsWith("/content")) {
                useTicket(id, route.request().postData()); // the ticket is used up before the page redeems it
            }
            APIResponse response = route.fetch();
            route.fulfill(new Route.FulfillOptions().setResponse(response).setBody(swapDetail(response.text())));
        });
        Page open = recipient.open("/s/" + id);
        open.getByLabel("Your email address").fill(recipientEmail);
        click(open, "Send me a code");
        open.getByLabel("Code from the email").waitFor();
        String code = mailedCode(recipientEmail);

        open.getByLabel("Code from the email").fill(code.equals("000000") ? "111111" : "000000");
        click(open, "Open");
        open.locator("#unlock-notice .message.error").waitFor();
        assertThat(open.textContent("#unlock-notice")).startsWith("That code is wrong");

        open.getByLabel("Code from the email").fill(code);
        click(open, "Open");
        open.locator("#unlock-notice .message.error:has-text('Opening took too long')").waitFor();
        assertThat(open.textContent("#unlock-notice")).doesNotContain("code is wrong");
        assertThat(open.locator("#secret").isVisible()).isFalse();
        recipient.assertNoConsoleProblems(status(401, "/unlock"), status(401, "/content"));
    }

    @Test
    void createPageWhenAnonymousExpiryTooLongThenSaysTheRangeInDaysAndMarksTheExpiry() {
        Chromium.Session sender = chromium.person();
        // limits that changed since the page loaded them: the page lets 10 days pass, the server refuses in seconds
        sender.context.route("**/api/shares/limits", route -> {
            APIResponse limits = route.fetch();
            route.fulfill(new Route.FulfillOptions().setResponse(limits)
                    .setBody(limits.text().replace("\"maxExpiresIn\":604800", "\"maxExpiresIn\":2592000")));
        });
        Page create = sender.open("/");
        create.locator("#file-limit:has-text('Up to')").waitFor(new com.microsoft.playwright.Locator.WaitForOptions()
                .setState(com.microsoft.playwright.options.WaitForSelectorState.ATTACHED));
        create.getByLabel("Secret text").fill("not for ten days");
        create.getByLabel("Expires after").selectOption("custom");
        create.getByLabel("Custom expiry").fill("10");
        create.getByLabel("Unit").selectOption("86400");
        click(create, "Create secret link");
        create.locator("#create-notice .message.error").waitFor();
        assertThat(create.textContent("#create-notice"))
                .isEqualTo("Choose an expiry between 1 minute and 7 days. Signed-in users may choose longer ones.");
        assertThat(create.getAttribute("#expiry", "aria-invalid")).isEqualTo("true");
        sender.assertNoConsoleProblems(status(400, "/api/shares"));
    }

    /** Redeems the ticket of a content request the page is about to send (one view of the share). */
    private void useTicket(String id, String body) {
        java.net.http.HttpResponse<String> used = http.send(http.request("/api/shares/" + id + "/content")
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(used.statusCode()).as(used.body()).isEqualTo(200);
    }

    /** A problem's detail replaced by the other problem's: a page reading the detail is misled. */
    private static String swapDetail(String body) {
        if (!body.contains("\"code\"")) {
            return body;
        }
        var json = (tools.jackson.databind.node.ObjectNode) TestHttp.JSON.readTree(body);
        json.put("detail", json.path("code").asString().equals("otp.invalid")
                ? "The ticket is invalid, used or expired; unlock again." : "The one-time code is wrong, used or expired.");
        return json.toString();
    }

    private static String mailedCode(String recipient) {
        String mail = app.bar.account.MailBox.await(recipient, "Your BAR one-time code").text();
        java.util.regex.Matcher code = java.util.regex.Pattern.compile("\\b(\\d{6})\\b").matcher(mail);
        assertThat(code.find()).as(mail).isTrue();
        return code.group(1);
    }

    /** Neither the secret nor the link key (the fragment) is in any URL or body the pages sent. */
    private static void assertSecretsNeverSent(List<Chromium.Session> people, String secret, String linkKey) {
        for (Chromium.Session person : people) {
            assertThat(person.requests()).isNotEmpty();
            assertThat(person.requests()).as("requests carrying the secret or the key")
                    .noneMatch(r -> r.contains(secret) || r.contains(linkKey));
        }
    }
}
