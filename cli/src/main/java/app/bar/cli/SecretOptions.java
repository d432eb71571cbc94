package app.bar.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where a password comes from: a prompt without echo, the first line of standard input, a file,
 * or an environment variable — never the command line, where other users see it in the process
 * list and the shell keeps it in its history. {@code --password VALUE} is refused with a hint.
 */
public final class SecretOptions {

    static final String REFUSED_HINT = "use it alone to be asked without echo, or --password-stdin, --password-file FILE or "
            + "--password-env VAR (a password on the command line is visible to other users and kept in shell history)";

    @Option(names = "--password", arity = "0..1", fallbackValue = "\u0000prompt", paramLabel = "",
            description = "Protect / open with a password, asked without echo. Never give the password itself here.")
    @Nullable String prompt;

    @Option(names = "--password-stdin", description = "Read the password from the first line of standard input.")
    boolean stdin;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of FILE.")
    @Nullable Path file;

    @Option(names = "--password-env", paramLabel = "VAR", description = "Read the password from the environment variable VAR.")
    @Nullable String envName;

    /** Whether any password source was named. */
    boolean given() {
        return prompt != null || stdin || file != null || envName != null;
    }

    /** The refusals that need no I/O: a value after --password, two sources at once. */
    void check() {
        if (prompt != null && !prompt.equals("\u0000prompt")) {
            throw CliFailure.usage("--password takes no value: " + REFUSED_HINT);
        }
        int sources = (prompt != null ? 1 : 0) + (stdin ? 1 : 0) + (file != null ? 1 : 0) + (envName != null ? 1 : 0);
        if (sources > 1) {
            throw CliFailure.usage("give the password one way only (--password, --password-stdin, --password-file or --password-env)");
        }
    }

    /**
     * The password from the named source; without one, asked at the terminal when {@code needed}
     * and somebody is there, else a usage failure naming the options. Null when not needed and not given.
     */
    char @Nullable [] read(Io io, boolean needed, boolean confirm, String why) {
        check();
        char[] password = null;
        if (stdin) {
            password = io.readStdinLine();
            if (password == null) {
                throw CliFailure.usage("--password-stdin: standard input is empty");
            }
        } else if (file != null) {
            password = firstLine(file, "--password-file");
        } else if (envName != null) {
            String value = io.env(envName);
            if (value == null) {
                throw CliFailure.usage("--password-env: the environment variable " + envName + " is not set or empty");
            }
            password = value.toCharArray();
        } else if (prompt != null || needed) {
            password = ask(io, confirm, why);
        }
        if (password != null && password.length == 0) {
            throw CliFailure.usage("the password is empty");
        }
        return password;
    }

    /** As {@link #read} for a password that must be there. */
    char[] require(Io io, String why) {
        char[] password = read(io, true, false, why);
        if (password == null) {
            throw CliFailure.usage(why + ": use --password-stdin, --password-file FILE or --password-env VAR");
        }
        return password;
    }

    private static char[] ask(Io io, boolean confirm, String why) {
        char[] first = io.prompter().readSecret(why + ": ");
        if (first == null) {
            throw CliFailure.usage(why + ", and there is no terminal to ask: use --password-stdin, --password-file FILE or --password-env VAR");
        }
        if (confirm) {
            char[] again = io.prompter().readSecret("Again: ");
            boolean same = again != null && Arrays.equals(first, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(first, '\0');
                throw CliFailure.usage("the two passwords differ: run the command again");
            }
        }
        return first;
    }

    /**
     * The keys of a share or container from its link key and, if there is one, the password;
     * the password is wiped once they are derived.
     */
    static app.bar.format.ShareKeys deriveAndWipe(byte[] linkKey, char @Nullable [] password)
            throws java.security.GeneralSecurityException {
        if (password == null) {
            return app.bar.format.ShareKeys.derive(linkKey);
        }
        try {
            return app.bar.format.ShareKeys.derive(linkKey, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** A usage failure unless {@code path} is a regular file. */
    static void requireFile(String path) {
        if (!Files.isRegularFile(Path.of(path))) {
            throw CliFailure.usage("no such file: " + path);
        }
    }

    /** The first line of a file (without its line end), as characters to be wiped after use. */
    static char[] firstLine(Path file, String option) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw CliFailure.usage(option + ": cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        int end = 0;
        while (end < bytes.length && bytes[end] != '\n') {
            end++;
        }
        if (end > 0 && bytes[end - 1] == '\r') {
            end--;
        }
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(bytes, 0, end));
        char[] result = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
        Arrays.fill(bytes, (byte) 0);
        Arrays.fill(chars.array(), '\0');
        return result;
    }
}
