package app.bar.cli;

import app.bar.format.ShareKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bar seal}: an offline {@code .bar} container — the same container, keys and metadata
 * frame as a zero-knowledge share (docs/zero-knowledge-format.md), written to a file instead of
 * uploaded. Its random key is printed (or written to {@code --key-out}); with a password, both
 * are needed to open it.
 */
@Command(name = "seal", mixinStandardHelpOptions = true, sortOptions = false, description = {"Seal a file (or text) into an offline .bar container.",
        "Prints the key needed to open it on stdout (or writes it to --key-out)."})
final class SealCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "What to seal; - reads standard input.")
    String input = "";

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "F.bar|-", description = "The container to write (- for stdout).")
    String output = "";

    @Option(names = "--text", description = "Seal it as a text (opens as text in bar unseal).")
    boolean text;

    @Option(names = "--label", paramLabel = "NAME", description = "The file name inside (default: the file's own name).")
    @Nullable String label;

    @Mixin
    SecretOptions password = new SecretOptions();

    @Option(names = "--key-out", paramLabel = "FILE", description = "Write the key to FILE (mode 600) instead of stdout.")
    @Nullable Path keyOut;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr.")
    boolean quiet;

    SealCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        password.check();
        boolean fromStdin = input.equals("-");
        if (output.equals("-") && keyOut == null) {
            throw CliFailure.usage("the container goes to stdout: give --key-out FILE for its key");
        }
        if (fromStdin && password.stdin) {
            throw CliFailure.usage("standard input carries the content: give the password with --password-file or --password-env");
        }
        if (!fromStdin) {
            SecretOptions.requireFile(input);
        }
        byte[] linkKey = ShareKeys.newLinkKey();
        ShareKeys keys = SecretOptions.deriveAndWipe(linkKey,
                password.read(io, false, password.prompt != null, "Password for the container"));
        String metadata = text ? Metadata.text() : Metadata.file(label != null ? label
                : fromStdin ? null : PlaintextOutput.fileName(Path.of(input)),
                fromStdin ? null : Files.probeContentType(Path.of(input)), fromStdin ? -1 : Files.size(Path.of(input)));
        long size = fromStdin ? -1 : SealingStream.containerSize(Files.size(Path.of(input)),
                metadata.getBytes(StandardCharsets.UTF_8).length);
        byte[] contentKey = keys.contentKey();
        try (Progress progress = Progress.start(io, quiet || output.equals("-"), "Sealing", size);
                InputStream plain = fromStdin ? io.in() : Files.newInputStream(Path.of(input));
                InputStream sealed = progress.counting(new SealingStream(plain, contentKey, keys.passwordBound(), metadata))) {
            new PlaintextOutput(io, output).write(sealed, false, null);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
        printKey(ShareLink.encodeKey(linkKey), keys.passwordBound());
        return Exit.OK;
    }

    private void printKey(String key, boolean passwordBound) throws IOException {
        if (keyOut != null) {
            Files.deleteIfExists(keyOut);
            Files.createFile(keyOut, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                    java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
            Files.writeString(keyOut, key + "\n", StandardCharsets.US_ASCII);
        } else {
            io.out().println(key);
            io.out().flush();
        }
        if (!quiet) {
            io.err().println("Sealed into " + output + ". Open it with bar unseal " + (output.equals("-") ? "F.bar" : output)
                    + (keyOut != null ? " --key-file " + keyOut : " and the key above")
                    + (passwordBound ? " and the password" : "") + "; keep the key apart from the container.");
        }
    }
}
