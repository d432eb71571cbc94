package app.bar.cli;

import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Where a link key comes from when it is not in the link (a split key, an offline container):
 * standard input, a file, an environment variable, or a prompt without echo — never the
 * command line.
 */
public final class KeyOptions {

    @Option(names = "--key-stdin", description = "Read the key (base64url, the part after # of a link) from the first line of standard input.")
    boolean stdin;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Read the key from the first line of FILE.")
    @Nullable Path file;

    @Option(names = "--key-env", paramLabel = "VAR", description = "Read the key from the environment variable VAR.")
    @Nullable String envName;

    @Option(names = "--key", arity = "0..1", hidden = true, description = "refused: the key never goes on the command line")
    @Nullable String refused;

    boolean given() {
        return stdin || file != null || envName != null;
    }

    void check() {
        if (refused != null) {
            throw CliFailure.usage("a key on the command line is refused (other users see it in the process list): "
                    + "use --key-stdin, --key-file FILE or --key-env VAR, or type it when asked");
        }
        if ((stdin ? 1 : 0) + (file != null ? 1 : 0) + (envName != null ? 1 : 0) > 1) {
            throw CliFailure.usage("give the key one way only (--key-stdin, --key-file or --key-env)");
        }
    }

    /** The 32-byte link key from the named source, else asked at the terminal. */
    byte[] read(Io io) {
        check();
        char[] text;
        if (stdin) {
            text = io.readStdinLine();
        } else if (file != null) {
            text = SecretOptions.firstLine(file, "--key-file");
        } else if (envName != null) {
            String value = io.env(envName);
            text = value == null ? null : value.toCharArray();
        } else {
            text = io.prompter().readSecret("Key (the part after # of the link): ");
            if (text == null) {
                throw CliFailure.usage("the key is needed and there is no terminal to ask: use --key-stdin, --key-file FILE or --key-env VAR");
            }
        }
        if (text == null || text.length == 0) {
            throw CliFailure.usage("the key is empty");
        }
        try {
            String value = new String(text).strip();
            if (value.startsWith("#")) {
                value = value.substring(1);
            }
            return ShareLink.decodeKey(value, "the key is not a BAR key (43 characters of base64url)");
        } finally {
            Arrays.fill(text, '\0');
        }
    }
}
