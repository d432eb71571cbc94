package app.bar.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 13 item 15: a test run writes the README's screenshots under target/ unless asked to update docs/. */
class ScreenshotsTests {

    private static final String DOCS = "/repo/docs/screenshots";
    private static final String TARGET = "/repo/server/target/screenshots";

    @Test
    void directoryWhenNotAskedThenTarget() {
        assertThat(Screenshots.directory("", DOCS, TARGET)).isEqualTo(TARGET);
    }

    @Test
    void directoryWhenBuildDefaultThenTarget() {
        assertThat(Screenshots.directory("target", DOCS, TARGET)).isEqualTo(TARGET);
    }

    @Test
    void directoryWhenUpdateRequestedThenTrackedDocs() {
        assertThat(Screenshots.directory("update", DOCS, TARGET)).isEqualTo(DOCS);
    }

    @Test
    void directoryWhenRunWithoutScreenshotSettingsThenNone() {
        assertThat(Screenshots.directory("update", "", "")).isEmpty();
        assertThat(Screenshots.directory("", "", "")).isEmpty();
    }
}
