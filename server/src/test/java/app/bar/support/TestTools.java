package app.bar.support;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The programs besides the JDK that some test suites need: Node.js (the browser's JavaScript
 * modules under {@code node --test}), Chromium (the browser tests) and curl (the README's examples). Outside CI a missing tool
 * skips its suite with one line saying what to install ({@link RequiresTool}); with {@code CI=true}
 * (set by {@code .ci/run}) the suite runs anyway and fails, since CI installs both. The same rule
 * as the clamd suite ({@link TestClamd}) and the CLI's browser-interop tests.
 */
public final class TestTools {

    /** Where Debian's chromium package puts the browser; {@code BAR_TEST_CHROMIUM} names another. */
    public static final Path DEBIAN_CHROMIUM = Path.of("/usr/bin/chromium");

    /** A program a suite needs, with what to tell a developer who lacks it. */
    public enum Tool {
        NODE("Node.js", "the JavaScript tests", "install Node.js 18 or newer (Debian: apt-get install nodejs) so that `node` is on the PATH"),
        CHROMIUM("Chromium", "the browser tests",
                "install Chromium (Debian: apt-get install chromium) or set BAR_TEST_CHROMIUM to a Chromium or Chrome executable"),
        CURL("curl", "the README's curl examples", "install curl (Debian: apt-get install curl)");

        final String displayName;
        final String suite;
        final String install;

        Tool(String displayName, String suite, String install) {
            this.displayName = displayName;
            this.suite = suite;
            this.install = install;
        }
    }

    private final Map<String, String> env;
    private final Predicate<Path> executable;

    TestTools(Map<String, String> env, Predicate<Path> executable) {
        this.env = Map.copyOf(env);
        this.executable = executable;
    }

    /** The tools of this machine and environment. */
    public static TestTools current() {
        return new TestTools(System.getenv(), Files::isExecutable);
    }

    /** {@code CI=true}: every suite must run, a missing tool fails it. */
    public boolean inCi() {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", ""));
    }

    /** The executable of {@code tool}, if this machine has it. */
    public Optional<Path> find(Tool tool) {
        return switch (tool) {
            case NODE -> onPath("node");
            case CURL -> onPath("curl");
            case CHROMIUM -> Optional.of(chromiumPath()).filter(executable);
        };
    }

    /** The executable, or a failure that says what to install. */
    public Path require(Tool tool) {
        return find(tool).orElseThrow(() -> new IllegalStateException(missing(tool)
                + (inCi() ? " (CI=true: " + tool.suite + " must run; .ci/run installs it)" : "")));
    }

    /**
     * Why a suite needing {@code tool} is skipped: empty when the tool is here, and in CI, where
     * the suite runs and fails without it.
     */
    public Optional<String> skipReason(Tool tool) {
        return find(tool).isPresent() || inCi() ? Optional.empty() : Optional.of(skipLine(tool));
    }

    /** The one line printed when {@code tool} is missing outside CI. */
    public String skipLine(Tool tool) {
        return "SKIPPED " + tool.suite + ": " + missing(tool) + ". To run them, " + tool.install + ".";
    }

    private String missing(Tool tool) {
        return switch (tool) {
            case NODE -> "Node.js not found (no `node` on the PATH)";
            case CURL -> "curl not found (no `curl` on the PATH)";
            case CHROMIUM -> "Chromium not found at " + chromiumPath()
                    + (env.containsKey("BAR_TEST_CHROMIUM") ? " (BAR_TEST_CHROMIUM)" : "");
        };
    }

    private Path chromiumPath() {
        String override = env.getOrDefault("BAR_TEST_CHROMIUM", "");
        return override.isBlank() ? DEBIAN_CHROMIUM : Path.of(override);
    }

    private Optional<Path> onPath(String name) {
        for (String dir : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, name);
                if (executable.test(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }
}
