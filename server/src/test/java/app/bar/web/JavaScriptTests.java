package app.bar.web;

import static app.bar.support.TestTools.Tool.NODE;
import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.RequiresTool;
import app.bar.support.TestTools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The browser's own modules under Node's built-in test runner (no npm packages): the
 * zero-knowledge format ({@code static/js/bar-format.mjs}) against the shared test vectors, the
 * share pages' words for problem codes, and every other {@code src/test/js/*.test.mjs}. Without
 * Node this is skipped outside CI with one line saying what to install.
 */
@RequiresTool(NODE)
class JavaScriptTests {

    private static final Path TESTS = Path.of("src/test/js");

    @Test
    void javascriptTestsWhenRunOnNodeThenAllPass() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(TestTools.current().require(NODE).toString(), "--test"));
        command.addAll(testFiles());
        Process node = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("node --test finished").isTrue();
        assertThat(node.exitValue()).as("node --test %s:%n%s", command, output).isZero();
    }

    private static List<String> testFiles() throws IOException {
        try (Stream<Path> files = Files.list(TESTS)) {
            List<String> tests = files.map(Path::toString).filter(name -> name.endsWith(".test.mjs")).sorted().toList();
            assertThat(tests).as("JavaScript tests under %s", TESTS.toAbsolutePath()).isNotEmpty();
            return tests;
        }
    }
}
