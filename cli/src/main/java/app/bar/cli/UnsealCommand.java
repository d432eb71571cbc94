package app.bar.cli;

import app.bar.format.BarContainer;
import app.bar.format.ShareKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
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

/** {@code bar unseal}: opens an offline {@code .bar} container with its key (and password, if its header says so). */
@Command(name = "unseal", mixinStandardHelpOptions = true, sortOptions = false, description = {"Open an offline .bar container.",
        "The key is asked without echo unless --key-stdin, --key-file or --key-env says where it is."})
final class UnsealCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "F.bar|-", description = "The container; - reads standard input.")
    String input = "";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR|-", description = {"Write the content to FILE (replaced), or - for stdout.",
            "A container of several files: the folder to save them in (created; default: the current directory)."})
    @Nullable String output;

    @Option(names = "--force", description = "A container of several files: replace existing files (default: a free name).")
    boolean force;

    @Mixin
    KeyOptions key = new KeyOptions();

    @Mixin
    SecretOptions password = new SecretOptions();

    @Option(names = {"-q", "--quiet"}, description = "No note on stderr.")
    boolean quiet;

    UnsealCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        key.check();
        password.check();
        boolean fromStdin = input.equals("-");
        if (fromStdin && (key.stdin || password.stdin)) {
            throw CliFailure.usage("standard input carries the container: give the key and password another way");
        }
        if (!fromStdin) {
            SecretOptions.requireFile(input);
        }
        PlaintextOutput out = new PlaintextOutput(io, output, force);
        try (InputStream in = fromStdin ? io.in() : Files.newInputStream(Path.of(input))) {
            byte[] header = in.readNBytes(BarContainer.HEADER_BYTES);
            byte[] linkKey = key.read(io);
            ShareKeys keys = SecretOptions.deriveAndWipe(linkKey, BarContainer.isPasswordBound(header)
                    ? password.require(io, "this container needs its password") : null);
            byte[] contentKey = keys.contentKey();
            try {
                String where = ContainerReader.open(new SequenceInputStream(new ByteArrayInputStream(header), in), contentKey, out,
                        "the container");
                if (!quiet && !where.equals("standard output")) {
                    io.err().println("Saved to " + where);
                }
            } finally {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
        return Exit.OK;
    }
}
