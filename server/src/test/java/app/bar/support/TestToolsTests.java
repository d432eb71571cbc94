package app.bar.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import app.bar.support.TestTools.Tool;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue 13 item 15: which suites run, and what a developer without Node or Chromium is told. */
class TestToolsTests {

    private static final Map<String, String> LAPTOP = Map.of("PATH", "/usr/local/bin:/usr/bin");

    private static TestTools tools(Map<String, String> env, String... executables) {
        Set<Path> present = Set.of(java.util.Arrays.stream(executables).map(Path::of).toArray(Path[]::new));
        return new TestTools(env, present::contains);
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }

    @Test
    void findWhenNodeOnThePathThenFound() {
        assertThat(tools(LAPTOP, "/usr/bin/node").find(Tool.NODE)).contains(Path.of("/usr/bin/node"));
    }

    @Test
    void findWhenNodeNotOnThePathThenMissing() {
        assertThat(tools(LAPTOP, "/opt/node/bin/node").find(Tool.NODE)).isEmpty();
    }

    @Test
    void findWhenCurlOnThePathThenFoundElseSkippedSayingSo() {
        assertThat(tools(LAPTOP, "/usr/local/bin/curl").find(Tool.CURL)).contains(Path.of("/usr/local/bin/curl"));
        assertThat(tools(LAPTOP).skipReason(Tool.CURL)).hasValueSatisfying(line -> assertThat(line)
                .startsWith("SKIPPED the README's curl examples: curl not found").contains("apt-get install curl"));
    }

    @Test
    void findWhenDebianChromiumInstalledThenFound() {
        assertThat(tools(LAPTOP, "/usr/bin/chromium").find(Tool.CHROMIUM)).contains(Path.of("/usr/bin/chromium"));
    }

    @Test
    void findWhenBarTestChromiumSetThenThatBrowser() {
        TestTools tools = tools(with(LAPTOP, "BAR_TEST_CHROMIUM", "/opt/google/chrome/chrome"),
                "/usr/bin/chromium", "/opt/google/chrome/chrome");
        assertThat(tools.find(Tool.CHROMIUM)).contains(Path.of("/opt/google/chrome/chrome"));
    }

    @Test
    void findWhenBarTestChromiumNamesNothingThenMissingAndSaysSo() {
        TestTools tools = tools(with(LAPTOP, "BAR_TEST_CHROMIUM", "/nowhere/chrome"), "/usr/bin/chromium");
        assertThat(tools.find(Tool.CHROMIUM)).isEmpty();
        assertThat(tools.skipLine(Tool.CHROMIUM)).contains("/nowhere/chrome (BAR_TEST_CHROMIUM)");
    }

    @Test
    void skipLineWhenChromiumMissingThenOneLineSayingWhatToInstall() {
        String line = tools(LAPTOP).skipLine(Tool.CHROMIUM);
        assertThat(line).startsWith("SKIPPED the browser tests: Chromium not found at /usr/bin/chromium")
                .contains("apt-get install chromium").contains("BAR_TEST_CHROMIUM").doesNotContain("\n");
    }

    @Test
    void skipLineWhenNodeMissingThenOneLineSayingWhatToInstall() {
        assertThat(tools(LAPTOP).skipLine(Tool.NODE)).startsWith("SKIPPED the JavaScript tests: Node.js not found")
                .contains("apt-get install nodejs").doesNotContain("\n");
    }

    @Test
    void skipReasonWhenToolPresentThenRuns() {
        assertThat(tools(LAPTOP, "/usr/bin/node").skipReason(Tool.NODE)).isEmpty();
    }

    @Test
    void skipReasonWhenToolMissingOutsideCiThenSkipped() {
        assertThat(tools(LAPTOP).skipReason(Tool.CHROMIUM)).contains(tools(LAPTOP).skipLine(Tool.CHROMIUM));
    }

    @Test
    void skipReasonWhenToolMissingInCiThenRunsAndFails() {
        assertThat(tools(with(LAPTOP, "CI", "true")).skipReason(Tool.CHROMIUM)).isEmpty();
    }

    @Test
    void inCiWhenCiTrueThenTrue() {
        assertThat(tools(with(LAPTOP, "CI", "true")).inCi()).isTrue();
        assertThat(tools(LAPTOP).inCi()).isFalse();
        assertThat(tools(with(LAPTOP, "CI", "false")).inCi()).isFalse();
    }

    @Test
    void requireWhenMissingInCiThenFailsNamingTheTool() {
        assertThatIllegalStateException().isThrownBy(() -> tools(with(LAPTOP, "CI", "true")).require(Tool.CHROMIUM))
                .withMessageContaining("Chromium not found at /usr/bin/chromium").withMessageContaining("CI=true");
    }
}
