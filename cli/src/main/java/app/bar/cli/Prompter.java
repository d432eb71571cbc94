package app.bar.cli;

import java.io.ByteArrayOutputStream;
import java.io.Console;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/** Asks the person at the terminal; null when there is nobody to ask (a pipeline). */
public interface Prompter {

    /** A secret, typed without echo. */
    char @Nullable [] readSecret(String prompt);

    /** A line typed with echo (an email address, a one-time code). */
    @Nullable String readLine(String prompt);

    /** Nobody to ask. */
    Prompter NONE = new Prompter() {
        @Override
        public char @Nullable [] readSecret(String prompt) {
            return null;
        }

        @Override
        public @Nullable String readLine(String prompt) {
            return null;
        }
    };

    static Prompter system(Terminal terminal) {
        if (!terminal.interactive()) {
            return NONE;
        }
        Console console = System.console();
        if (console != null) {
            return new Prompter() {
                @Override
                public char @Nullable [] readSecret(String prompt) {
                    return console.readPassword("%s", prompt);
                }

                @Override
                public @Nullable String readLine(String prompt) {
                    return console.readLine("%s", prompt);
                }
            };
        }
        return new TtyPrompter(new File("/dev/tty"));
    }

    /**
     * Prompts on /dev/tty when standard input or output is redirected (Java 17's Console is
     * then missing): {@code cat file | bar send -} still asks for the password at the terminal.
     * Echo is switched off with stty, as ssh and sudo do.
     */
    final class TtyPrompter implements Prompter {
        private final File tty;

        TtyPrompter(File tty) {
            this.tty = tty;
        }

        @Override
        public char @Nullable [] readSecret(String prompt) {
            if (!tty.canRead()) {
                return null;
            }
            boolean echoOff = stty("-echo");
            try {
                return read(prompt);
            } finally {
                if (echoOff) {
                    stty("echo");
                    write("\n");
                }
            }
        }

        @Override
        public @Nullable String readLine(String prompt) {
            char[] line = tty.canRead() ? read(prompt) : null;
            return line == null ? null : new String(line);
        }

        private char @Nullable [] read(String prompt) {
            write(prompt);
            try (InputStream in = new FileInputStream(tty)) {
                ByteArrayOutputStream line = new ByteArrayOutputStream();
                int b;
                while ((b = in.read()) >= 0 && b != '\n') {
                    line.write(b);
                }
                byte[] bytes = line.toByteArray();
                CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes));
                char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
                Arrays.fill(bytes, (byte) 0);
                Arrays.fill(chars.array(), '\0');
                return result;
            } catch (IOException e) {
                return null;
            }
        }

        private void write(String text) {
            try (OutputStream out = new FileOutputStream(tty)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // no terminal to write to: the read fails next and says so
            }
        }

        private boolean stty(String mode) {
            try {
                Process p = new ProcessBuilder("stty", mode).redirectInput(tty).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }
}
