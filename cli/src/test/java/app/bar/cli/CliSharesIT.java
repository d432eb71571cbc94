package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The CLI as a separate process against the real server jar (issue #14 item 6): what a user or
 * a pipeline does with it, and the exit code of each way it can go wrong.
 */
@ExtendWith(WithServer.class)
class CliSharesIT {

    private static TestServer server;

    @TempDir
    Path dir;

    private Cli bar;

    @BeforeAll
    static void startServer(TestServer shared) {
        server = shared;
    }

    @BeforeEach
    void setUp() {
        bar = new Cli(server.base(), dir.resolve("config"));
    }

    @Test
    void sendWhenTextThenOpensOnceAndIsGoneAfter() {
        Cli.Result sent = bar.run("the vault code is 7 4 1 9\n", "send", "--text");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        String link = sent.firstLine();
        assertThat(link).matches("http://127\\.0\\.0\\.1:\\d+/s/[A-Za-z0-9_-]+#[A-Za-z0-9_-]{43}");
        assertThat(sent.stderr()).contains("#manage=bar_mt_");

        Cli.Result opened = bar.run("", "open", link);
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("the vault code is 7 4 1 9\n");

        Cli.Result again = bar.run("", "open", link);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(Exit.GONE);
        assertThat(again.stderr()).startsWith("bar: the share does not exist").hasLineCount(1);
    }

    @Test
    void sendWhenFileThenOpensByteForByteUnderItsOwnName() throws IOException {
        byte[] content = new byte[3 * 1024 * 1024 + 17];
        new Random(14).nextBytes(content);
        Path file = dir.resolve("contract draft.bin");
        Files.write(file, content);
        Cli.Result sent = bar.run("", "send", file.toString(), "--views", "2", "--expires", "1h");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Cli.Result opened = bar.inDirectory(inbox).run("", "open", sent.firstLine());
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(inbox.resolve("contract draft.bin")).hasBinaryContent(content);

        Cli.Result second = bar.inDirectory(inbox).run("", "open", sent.firstLine());
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(inbox.resolve("contract draft (1).bin")).as("never overwrites").hasBinaryContent(content);
    }

    @Test
    void openWhenPasswordWrongThenExit4AndNoViewUsedAndRightPasswordOpens() throws IOException {
        Path password = dir.resolve("password");
        Files.writeString(password, "orange kettle sunrise\n");
        Cli.Result sent = bar.run("password-bound secret", "send", "--text", "--password-file", password.toString());
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        Cli.Result wrong = bar.run("orange kettle sunset\n", "open", sent.firstLine(), "--password-stdin");
        assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(Exit.DENIED);
        assertThat(wrong.stderr()).startsWith("bar: wrong password").hasLineCount(1);

        Cli.Result right = bar.runUntilNoWait(() -> bar.run("orange kettle sunrise\n", "open", sent.firstLine(), "--password-stdin"));
        assertThat(right.exitCode()).as(right.toString()).isZero();
        assertThat(right.stdout()).isEqualTo("password-bound secret");
    }

    @Test
    void openWhenShareLockedAfterWrongPasswordsThenExit5NamingTheWait() throws Exception {
        Cli.Result sent = bar.env("SHARE_PASSWORD", "right one").run("x", "send", "--text", "--password-env", "SHARE_PASSWORD");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        lockByWrongAccessKeys(ShareLink.parse(sent.firstLine()).id());

        Cli.Result locked = bar.run("right one\n", "open", sent.firstLine(), "--password-stdin");
        assertThat(locked.exitCode()).as(locked.toString()).isEqualTo(Exit.WAIT);
        assertThat(locked.stderr()).matches("bar: the share is locked after too many wrong passwords: try again in \\d+ min\\n");
    }

    /** Five wrong access keys in a row, each after the delay the server asks for: the share locks (423). */
    private static void lockByWrongAccessKeys(String id) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String wrong = "{\"linkAccessKey\":\"" + "B".repeat(43) + "\",\"accessKey\":\"" + "B".repeat(43) + "\"}";
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            var response = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.base() + "/api/shares/" + id + "/unlock"))
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(wrong)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() == 423) {
                return;
            }
            long wait = response.headers().firstValueAsLong("Retry-After").orElse(0);
            Thread.sleep(wait * 1000 + 100);
        }
        throw new AssertionError("the share did not lock");
    }

    @Test
    void openWhenOtpRequiredThenCodeFromTheOutboxOpensIt() throws Exception {
        String email = "recipient-" + System.nanoTime() + "@example.com";
        Cli.Result sent = bar.run("for your eyes only", "send", "--text", "--otp", "someone@example.com," + email);
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        Cli.Running open = bar.start("open", sent.firstLine(), "--email", email);
        String code = server.awaitOtp(email);
        try (OutputStream stdin = open.stdin()) {
            stdin.write((code + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Cli.Result opened = open.await(Duration.ofMinutes(1));
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("for your eyes only");
    }

    @Test
    void openWhenOtpRequiredAndGermanLocaleThenTheCodeComesInGerman() throws Exception {
        String email = "german-" + System.nanoTime() + "@example.com";
        Cli.Result sent = bar.run("geheim", "send", "--text", "--otp", email);
        assertThat(sent.exitCode()).as(sent.toString()).isZero();

        Cli.Running open = bar.env("LANG", "de_DE.UTF-8").start("open", sent.firstLine(), "--email", email);
        String code = server.awaitMail(email, java.util.regex.Pattern.compile("Ihr Einmalcode lautet ([0-9]{6})"));
        try (OutputStream stdin = open.stdin()) {
            stdin.write((code + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Cli.Result opened = open.await(Duration.ofMinutes(1));
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("geheim");
    }

    @Test
    void openWhenOtpWrongThenExit4() throws Exception {
        String email = "wrong-code-" + System.nanoTime() + "@example.com";
        Cli.Result sent = bar.run("x", "send", "--text", "--otp", email);
        Cli.Running open = bar.start("open", sent.firstLine(), "--email", email);
        String code = server.awaitOtp(email);
        String wrong = code.equals("000000") ? "111111" : "000000";
        try (OutputStream stdin = open.stdin()) {
            stdin.write((wrong + "\n").getBytes(StandardCharsets.UTF_8));
        }
        Cli.Result opened = open.await(Duration.ofMinutes(1));
        assertThat(opened.exitCode()).as(opened.toString()).isEqualTo(Exit.DENIED);
        assertThat(opened.stderr()).contains("bar: the one-time code is wrong");
    }

    @Test
    void burnWhenManageLinkThenShareGoneAndSecondBurnExit3() {
        Cli.Result sent = bar.run("burn me", "send", "--text", "--json");
        JsonNode json = Api.JSON.readTree(sent.stdout());
        Cli.Result burned = bar.run("", "burn", json.path("manageLink").asString());
        assertThat(burned.exitCode()).as(burned.toString()).isZero();
        assertThat(bar.run("", "info", json.path("link").asString()).exitCode()).isEqualTo(Exit.GONE);
        assertThat(bar.run("", "burn", json.path("manageLink").asString()).exitCode()).isEqualTo(Exit.GONE);
    }

    @Test
    void infoWhenShareHasPasswordThenShowsProtectionWithoutUsingAView() {
        Cli.Result sent = bar.env("PW", "secret words").run("x", "send", "--text", "--password-env", "PW", "--view-only");
        Cli.Result info = bar.run("", "info", sent.firstLine(), "--json");
        assertThat(info.exitCode()).as(info.toString()).isZero();
        JsonNode meta = Api.JSON.readTree(info.stdout());
        assertThat(meta.path("requiresPassword").asBoolean()).isTrue();
        assertThat(meta.path("zeroKnowledge").asBoolean()).isTrue();
        assertThat(meta.path("viewOnly").asBoolean()).isTrue();
        assertThat(bar.run("secret words\n", "open", sent.firstLine(), "--password-stdin").stdout()).isEqualTo("x");
    }

    @Test
    void sendWhenSignedInAndAFileThenTheUploadGoesWithTheManageTokenAndTheFileOpens() throws IOException {
        Cli.Result login = bar.run(TestServer.ADMIN_PASSWORD + "\n", "login", "--email", TestServer.ADMIN_EMAIL, "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        Path file = Files.writeString(dir.resolve("owned.txt"), "an owned file");
        Cli.Result sent = bar.run("", "send", file.toString());
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        Path target = dir.resolve("got.txt");
        Cli.Result opened = bar.run("", "open", sent.firstLine(), "-o", target.toString());
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(target).hasContent("an owned file");
    }

    @Test
    void listWhenLoggedInThenShowsOwnSharesAndTheirEvents() {
        Cli.Result login = bar.run(TestServer.ADMIN_PASSWORD + "\n", "login", "--email", TestServer.ADMIN_EMAIL, "--password-stdin");
        assertThat(login.exitCode()).as(login.toString()).isZero();
        Path credentials = dir.resolve("config/credentials.json");
        assertThat(credentials).content().contains("bar_pat_").doesNotContain(TestServer.ADMIN_PASSWORD);
        assertThat(Files.isReadable(credentials)).isTrue();

        Cli.Result sent = bar.run("owned secret", "send", "--text", "--views", "unlimited", "--json");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        String id = Api.JSON.readTree(sent.stdout()).path("id").asString();
        assertThat(bar.run("", "open", Api.JSON.readTree(sent.stdout()).path("link").asString()).exitCode()).isZero();

        Cli.Result list = bar.run("", "list", "--json");
        assertThat(list.exitCode()).as(list.toString()).isZero();
        assertThat(list.stdout()).contains(id);
        Cli.Result events = bar.run("", "events", id);
        assertThat(events.exitCode()).as(events.toString()).isZero();
        assertThat(events.stdout()).contains("opened");

        assertThat(bar.run("", "logout").exitCode()).isZero();
        Cli.Result after = bar.run("", "list");
        assertThat(after.exitCode()).isEqualTo(Exit.DENIED);
        assertThat(after.stderr()).contains("bar login");
    }

    @Test
    void listWhenTokenFromEnvironmentIsWrongThenExit4() {
        Cli.Result list = bar.env("BAR_TOKEN", "bar_pat_" + "A".repeat(43)).run("", "list");
        assertThat(list.exitCode()).as(list.toString()).isEqualTo(Exit.DENIED);
        assertThat(list.stderr()).contains("run bar login");
    }

    @Test
    void sendWhenServerModeThenServerEncryptsAndItOpens() throws IOException {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "plain notes\n");
        Cli.Result sent = bar.run("", "send", file.toString(), "--server-mode");
        assertThat(sent.exitCode()).as(sent.toString()).isZero();
        assertThat(sent.firstLine()).doesNotContain("#");
        Cli.Result opened = bar.run("", "open", sent.firstLine(), "-o", "-");
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("plain notes\n");
    }

    @Test
    void openWhenSplitKeyThenKeyFromStdinOpensIt() {
        Cli.Result sent = bar.run("split", "send", "--text", "--split-key");
        String[] lines = sent.stdout().split("\n");
        assertThat(lines[0]).doesNotContain("#");
        Cli.Result opened = bar.run(lines[1] + "\n", "open", lines[0], "--key-stdin");
        assertThat(opened.exitCode()).as(opened.toString()).isZero();
        assertThat(opened.stdout()).isEqualTo("split");
    }

    @Test
    void sendWhenConnectionBreaksDuringUploadThenExit6AndNoShareIsLeft() throws Exception {
        byte[] content = new byte[8 * 1024 * 1024];
        new Random(6).nextBytes(content);
        Path file = dir.resolve("big.bin");
        Files.write(file, content);
        try (CuttingProxy proxy = new CuttingProxy(server.port(), 2 * 1024 * 1024)) {
            Cli.Result sent = bar.run("", "send", file.toString(), "--server", "http://127.0.0.1:" + proxy.port());
            assertThat(proxy.hasCut()).isTrue();
            assertThat(sent.exitCode()).as(sent.toString()).isEqualTo(Exit.FAILED);
            assertThat(sent.stdout()).as("no link printed").isEmpty();
            assertThat(sent.stderr()).startsWith("bar: the upload failed").contains("nothing was shared").hasLineCount(1);
            java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\":\"([A-Za-z0-9_-]+)\"").matcher(proxy.answers());
            assertThat(id.find()).as("the share was created before the upload").isTrue();
            Cli.Result info = bar.run("", "info", server.base() + "/s/" + id.group(1));
            assertThat(info.exitCode()).as("the half-made share cannot be opened").isEqualTo(Exit.GONE);
        }
    }

    @Test
    void sendWhenPasswordOnCommandLineThenRefusedWithHintAndNothingCreated() {
        Cli.Result refused = bar.run("x", "send", "--text", "--password", "hunter2");
        assertThat(refused.exitCode()).isEqualTo(Exit.USAGE);
        assertThat(refused.stderr()).contains("--password-stdin").doesNotContain("hunter2");
    }

    @Test
    void openWhenServerUnreachableThenExit6() {
        int closed = TestServer.freePort();
        Cli.Result result = bar.run("", "info", "http://127.0.0.1:" + closed + "/s/AAAAAAAAAAAAAAAAAAAAAA#" + "A".repeat(43));
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(Exit.FAILED);
        assertThat(result.stderr()).startsWith("bar: cannot connect to 127.0.0.1:" + closed).hasLineCount(1);
    }
}
