package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI and the web UI speak the same zero-knowledge format (issue #14 item 2): a share the
 * CLI makes opens in Chromium, and one Chromium makes opens in the CLI — text, a file, and a
 * password share each way. Debian's /usr/bin/chromium (or the executable BAR_TEST_CHROMIUM names),
 * driven by Playwright, which downloads no browser. Without Chromium these tests are skipped outside
 * CI with one line saying what to install and fail in CI (CI=true): the server's browser tests
 * follow the same rule (its test support class TestTools).
 */
@ExtendWith(WithServer.class)
class BrowserInteropIT {

    static final Path CHROMIUM = Path.of(java.util.Optional.ofNullable(System.getenv("BAR_TEST_CHROMIUM"))
            .filter(path -> !path.isBlank()).orElse("/usr/bin/chromium"));
    private static final List<String> ARGS = List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage");

    private static TestServer server;
    private static Playwright playwright;
    private static Browser browser;

    @TempDir
    Path dir;

    private Cli bar;
    private BrowserContext context;

    @BeforeAll
    static void launch(TestServer shared) {
        boolean inCi = "true".equals(System.getenv("CI"));
        if (!Files.isExecutable(CHROMIUM) && !inCi) {
            System.out.println("[bar-tests] SKIPPED the browser interop tests: Chromium not found at " + CHROMIUM
                    + ". To run them, install Chromium (Debian: apt-get install chromium) or set BAR_TEST_CHROMIUM"
                    + " to a Chromium or Chrome executable.");
        }
        Assumptions.assumeTrue(inCi || Files.isExecutable(CHROMIUM),
                "no " + CHROMIUM + ": apt-get install -y chromium (in CI these tests run and fail without it)");
        server = shared;
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM).setHeadless(true)
                .setArgs(ARGS));
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void setUp() {
        bar = new Cli(server.base(), dir.resolve("config"));
        context = browser.newContext(new Browser.NewContextOptions().setBaseURL(server.base()).setAcceptDownloads(true));
        context.setDefaultTimeout(30_000);
    }

    @AfterEach
    void closeContext() {
        context.close();
    }

    @Test
    void cliTextWhenOpenedInBrowserThenShowsTheSecret() {
        String link = send("a secret from the terminal", "send", "--text");
        Page open = context.newPage();
        open.navigate(link);
        open.locator("#unlock-title").waitFor();
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("a secret from the terminal");
    }

    @Test
    void cliFileWhenOpenedInBrowserThenDownloadsTheSameBytesUnderItsName() throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 99];
        new Random(3).nextBytes(content);
        Path file = dir.resolve("quarterly report.pdf.bin");
        Files.write(file, content);
        String link = send("", "send", file.toString());
        Page open = context.newPage();
        open.navigate(link);
        open.locator("#unlock-title").waitFor();
        assertThat(open.textContent("#meta-kind")).isEqualTo("A file");
        Download download = open.waitForDownload(() -> click(open, "Open"));
        Path saved = dir.resolve("downloaded");
        download.saveAs(saved);
        assertThat(download.suggestedFilename()).isEqualTo("quarterly report.pdf.bin");
        assertThat(saved).hasBinaryContent(content);
    }

    @Test
    void cliPasswordShareWhenOpenedInBrowserWithThePasswordThenShowsIt() {
        String link = bar.env("PW", "orange kettle sunrise").run("behind a password", "send", "--text", "--password-env", "PW")
                .firstLine();
        Page open = context.newPage();
        open.navigate(link);
        open.getByLabel("Password").fill("orange kettle sunrise");
        click(open, "Open");
        open.locator("#secret").waitFor();
        assertThat(open.inputValue("#secret")).isEqualTo("behind a password");
    }

    @Test
    void browserTextWhenOpenedByCliThenPrintsIt() {
        Page create = context.newPage();
        create.navigate("/");
        create.getByLabel("Secret text").fill("made in the browser ✓");
        String link = createLink(create);
        Cli.Result opened = bar.run("", "open", link);
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("made in the browser ✓");
    }

    @Test
    void browserFileWhenOpenedByCliThenSavesTheSameBytesUnderItsName() throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 5];
        new Random(4).nextBytes(content);
        Page create = context.newPage();
        create.navigate("/");
        create.locator("label[for=kind-file]").click();
        create.setInputFiles("#secret-file", new FilePayload("keys.tar.gz", "application/gzip", content));
        String link = createLink(create);
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Cli.Result opened = bar.inDirectory(inbox).run("", "open", link);
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(inbox.resolve("keys.tar.gz")).hasBinaryContent(content);
    }

    @Test
    void browserPasswordShareWhenOpenedByCliWithThePasswordThenPrintsIt() {
        Page create = context.newPage();
        create.navigate("/");
        create.getByLabel("Secret text").fill("browser secret behind a password");
        create.getByLabel("Password (optional)").fill("violet harbor");
        String link = createLink(create);
        Cli.Result wrong = bar.run("violet harbour\n", "open", link, "--password-stdin");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(Exit.DENIED);
        Cli.Result opened = bar.runUntilNoWait(() -> bar.run("violet harbor\n", "open", link, "--password-stdin"));
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("browser secret behind a password");
    }

    private String send(String stdin, String... args) {
        Cli.Result sent = bar.run(stdin, args);
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        return sent.firstLine();
    }

    private static String createLink(Page create) {
        click(create, "Create secret link");
        create.locator("#result-title").waitFor();
        return create.inputValue("#share-link");
    }

    private static void click(Page page, String button) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(button).setExact(true)).click();
    }
}
