package app.bar.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An {@link Io} for in-process command tests: given stdin, captured stdout/stderr, chosen terminals and answers to prompts. */
final class TestIo {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();
    final Map<String, String> env = new HashMap<>();
    final Deque<String> answers = new ArrayDeque<>();
    byte[] stdin = new byte[0];
    Terminal terminal = Terminal.NONE;
    int prompts;

    TestIo(Path configDir) {
        env.put("BAR_CONFIG_DIR", configDir.toString());
    }

    TestIo stdin(String text) {
        stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    TestIo env(String name, String value) {
        env.put(name, value);
        return this;
    }

    TestIo terminal(Terminal value) {
        terminal = value;
        return this;
    }

    /** A person at the terminal who answers the next prompt with {@code answer}. */
    TestIo answer(String answer) {
        answers.add(answer);
        return this;
    }

    int run(String... args) {
        Prompter prompter = new Prompter() {
            @Override
            public char @Nullable [] readSecret(String prompt) {
                prompts++;
                return answers.isEmpty() ? null : answers.poll().toCharArray();
            }

            @Override
            public @Nullable String readLine(String prompt) {
                prompts++;
                return answers.poll();
            }
        };
        Io io = new Io(new ByteArrayInputStream(stdin), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), env, terminal, answers.isEmpty() ? Prompter.NONE : prompter);
        return BarCli.run(io, args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
