package app.bar.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTests {

    private static String progressOf(Terminal terminal, boolean quiet) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(InputStream.nullInputStream(), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true,
                StandardCharsets.UTF_8), Map.of(), terminal, Prompter.NONE);
        try (Progress progress = Progress.start(io, quiet, "Uploading", 3 << 20)) {
            progress.counting(new ByteArrayInputStream(new byte[3 << 20])).transferTo(java.io.OutputStream.nullOutputStream());
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void progressWhenStderrIsATerminalThenDrawsTheLine() throws Exception {
        assertThat(progressOf(new Terminal(false, false, true), false)).contains("Uploading [").contains("100% 3.0 MiB of 3.0 MiB");
    }

    @Test
    void progressWhenStderrIsNotATerminalThenSilent() throws Exception {
        assertThat(progressOf(new Terminal(true, true, false), false)).isEmpty();
    }

    @Test
    void progressWhenQuietThenSilent() throws Exception {
        assertThat(progressOf(new Terminal(true, true, true), true)).isEmpty();
    }
}
