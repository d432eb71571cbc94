package app.bar.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a command may touch of the world: its standard streams, the environment, which streams
 * are terminals, a way to ask the person at the terminal, and the config directory. Tests give
 * their own; {@link #system()} is the real one.
 */
public final class Io {

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> env;
    private final Terminal terminal;
    private final Prompter prompter;

    public Io(InputStream in, PrintStream out, PrintStream err, Map<String, String> env, Terminal terminal,
            Prompter prompter) {
        this.in = in;
        this.out = out;
        this.err = err;
        this.env = Map.copyOf(env);
        this.terminal = terminal;
        this.prompter = prompter;
    }

    static Io system() {
        Terminal terminal = Terminal.detect();
        return new Io(System.in, System.out, System.err, System.getenv(), terminal, Prompter.system(terminal));
    }

    public InputStream in() {
        return in;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public Terminal terminal() {
        return terminal;
    }

    public Prompter prompter() {
        return prompter;
    }

    /**
     * The user's language as a BCP 47 tag from the POSIX locale variables, first set of
     * {@code BAR_LOCALE} (where the launcher keeps them when it runs the JVM in {@code C.UTF-8}),
     * {@code LC_ALL}, {@code LC_MESSAGES}, {@code LANG} ({@code de_DE.UTF-8} → {@code de-DE});
     * null for {@code C}/{@code POSIX} or none. Read from the environment rather than the JVM's
     * default locale, which falls back to English when the locale is not installed on the machine.
     */
    public @Nullable String language() {
        for (String name : new String[] {"BAR_LOCALE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env(name);
            if (value == null || value.isBlank()) {
                continue;
            }
            String tag = value.strip().replaceFirst("[.@].*$", "").replace('_', '-');
            if (tag.equals("C") || tag.equals("POSIX") || !tag.matches("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                return null;
            }
            return tag;
        }
        return null;
    }

    public @Nullable String env(String name) {
        String value = env.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    /** {@code $BAR_CONFIG_DIR}, else {@code $XDG_CONFIG_HOME/bar}, else {@code ~/.config/bar}. */
    public Path configDir() {
        String explicit = env("BAR_CONFIG_DIR");
        if (explicit != null) {
            return Path.of(explicit);
        }
        String xdg = env("XDG_CONFIG_HOME");
        if (xdg != null) {
            return Path.of(xdg, "bar");
        }
        String home = env("HOME");
        return Path.of(home != null ? home : System.getProperty("user.home"), ".config", "bar");
    }

    /**
     * One line of standard input, read byte by byte so nothing after it is consumed (a password
     * on the first line, a one-time code on the next). Without the line end; null at the end.
     */
    public char @Nullable [] readStdinLine() {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        try {
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                line.write(b);
            }
            if (b < 0 && line.size() == 0) {
                return null;
            }
        } catch (IOException e) {
            throw new CliFailure(Exit.FAILED, "cannot read standard input: " + e.getMessage(), e);
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        CharBuffer chars = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(bytes, 0, length));
        char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return result;
    }
}
