package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands in-process against a {@link FakeServer}: what they refuse, before which request, and with which exit code. */
class CommandLineTests {

    private static final String ID = "AbCdEfGhIjKlMnOpQrStUv";
    private static final String KEY = "HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4";

    @TempDir
    Path dir;

    private FakeServer server;

    @BeforeEach
    void start() {
        server = new FakeServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestIo io() {
        return new TestIo(dir.resolve("config")).env("BAR_SERVER", server.base());
    }

    private String link() {
        return server.base() + "/s/" + ID + "#" + KEY;
    }

    @Test
    void runWhenNoCommandThenUsage() {
        TestIo io = io();
        assertThat(io.run()).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("a command is missing");
    }

    @Test
    void openWhenLinkMissingThenOneLineUsageNamingTheHelp() {
        TestIo io = io();
        assertThat(io.run("open")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).startsWith("bar: Missing required parameter").endsWith("(see bar open --help)\n").hasLineCount(1);
    }

    @Test
    void sendWhenPasswordGivenAsArgumentThenRefusedWithHintAndNotEchoed() {
        TestIo io = io().stdin("secret");
        assertThat(io.run("send", "--text", "--password=hunter2")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("--password-stdin").contains("shell history").doesNotContain("hunter2");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void listWhenTokenGivenAsArgumentThenRefusedWithHint() {
        TestIo io = io();
        assertThat(io.run("list", "--token", "bar_pat_abc")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("BAR_TOKEN").doesNotContain("bar_pat_abc");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void openWhenKeyGivenAsArgumentThenRefusedWithHint() {
        TestIo io = io();
        assertThat(io.run("open", server.base() + "/s/" + ID, "--key=" + KEY)).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("--key-stdin").doesNotContain(KEY);
    }

    @Test
    void sendWhenNoServerKnownThenUsageNamingBarServer() {
        TestIo io = new TestIo(dir.resolve("config")).stdin("x");
        assertThat(io.run("send", "--text")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("BAR_SERVER");
    }

    @Test
    void openWhenFileShareAndStdoutIsATerminalThenRefusedBeforeAnyViewIsUsed() {
        server.share(ID, "file", false, false);
        TestIo io = io().terminal(new Terminal(true, true, true));
        assertThat(io.run("open", link(), "-o", "-")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("-o FILE");
        assertThat(server.received("POST /api/shares/" + ID + "/unlock")).isFalse();
    }

    @Test
    void openWhenViewOnlyFileThenRefusedBeforeAnyViewIsUsed() {
        server.share(ID, "file", false, true);
        TestIo io = io();
        assertThat(io.run("open", link(), "-o", dir.resolve("x").toString())).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("view-only");
        assertThat(server.received("POST /api/shares/" + ID + "/unlock")).isFalse();
    }

    @Test
    void openWhenPasswordNeededAndNobodyToAskThenUsageNamingTheOptions() {
        server.share(ID, "text", true, false);
        TestIo io = io();
        assertThat(io.run("open", link())).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("--password-stdin").contains("--password-file").contains("--password-env");
        assertThat(server.received("POST /api/shares/" + ID + "/unlock")).isFalse();
    }

    @Test
    void openWhenPasswordNeededAndSomebodyAtTheTerminalThenAsksWithoutEcho() {
        server.share(ID, "text", true, false).on("POST /api/shares/" + ID + "/unlock", 401,
                "{\"detail\":\"The password is wrong.\"}");
        TestIo io = io().terminal(new Terminal(true, false, true)).answer("typed at the prompt");
        assertThat(io.run("open", link())).isEqualTo(Exit.DENIED);
        assertThat(io.prompts).isEqualTo(1);
        assertThat(io.err()).isEqualTo("bar: wrong password: check it and try again (each wrong try makes the next one wait "
                + "longer; five in a row lock the share for an hour)\n");
    }

    @Test
    void openWhenUnlockRateLimitedThenExit5NamingTheWait() {
        server.share(ID, "text", false, false).on("POST /api/shares/" + ID + "/unlock", 429,
                "{\"detail\":\"Too many requests\"}", "Retry-After", "7");
        TestIo io = io();
        assertThat(io.run("open", link())).isEqualTo(Exit.WAIT);
        assertThat(io.err()).isEqualTo("bar: too many tries: wait and try again in 7 s\n");
    }

    @Test
    void openWhenManageLinkThenUsageAndNoRequest() {
        TestIo io = io();
        assertThat(io.run("open", server.base() + "/s/" + ID + "#manage=bar_mt_x")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("bar burn");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void openWhenKeyInLinkDamagedThenUsageBeforeUnlock() {
        server.share(ID, "text", false, false);
        TestIo io = io();
        assertThat(io.run("open", server.base() + "/s/" + ID + "#tooShort")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("ask the sender for the whole link");
        assertThat(server.received("POST /api/shares/" + ID + "/unlock")).isFalse();
    }

    @Test
    void infoWhenGoneThenExit3() {
        TestIo io = io();
        assertThat(io.run("info", link())).isEqualTo(Exit.GONE);
        assertThat(io.err()).startsWith("bar: the share does not exist");
    }

    @Test
    void sendWhenServerFailsThenExit6WithRequestIdAndNoLink() {
        server.on("POST /api/shares", 500, "{\"detail\":\"An internal error occurred.\",\"requestId\":\"req-7\"}");
        TestIo io = io().stdin("x");
        assertThat(io.run("send", "--text")).isEqualTo(Exit.FAILED);
        assertThat(io.out()).isEmpty();
        assertThat(io.err()).contains("request id req-7");
    }

    @Test
    void sendWhenViewsUnlimitedAnonymouslyThenUsageBeforeAnyRequest() {
        TestIo io = io().stdin("x");
        assertThat(io.run("send", "--text", "--views", "unlimited")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("bar login");
        assertThat(server.requests).isEmpty();
    }

    @Test
    void sendWhenExpiryMalformedThenUsage() {
        TestIo io = io().stdin("x");
        assertThat(io.run("send", "--text", "--expires", "soon")).isEqualTo(Exit.USAGE);
        assertThat(io.err()).contains("--expires must look like");
    }

    @Test
    void sendWhenTextThenPrintsLinkWithKeyAndManageLinkAndQrCode() {
        server.on("POST /api/shares", 201, "{\"id\":\"" + ID + "\",\"shareUrl\":\"" + server.base() + "/s/" + ID
                + "\",\"manageToken\":\"bar_mt_x\",\"expiresAt\":\"2030-01-01T00:00:00Z\",\"maxViews\":1}");
        TestIo io = io().stdin("plain words");
        assertThat(io.run("send", "--text", "--qr")).isZero();
        assertThat(io.out()).matches("http://127\\.0\\.0\\.1:\\d+/s/" + ID + "#[A-Za-z0-9_-]{43}\\n");
        assertThat(io.err()).contains("\u2588").contains("#manage=bar_mt_x");
    }
}
