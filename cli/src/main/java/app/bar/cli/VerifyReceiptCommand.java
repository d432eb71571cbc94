package app.bar.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bar verify-receipt}: checks a destruction receipt's signature against a server's
 * published keys — fetched from a URL, or read from a saved copy so the check needs no network.
 */
@Command(name = "verify-receipt", mixinStandardHelpOptions = true,
        description = "Check a destruction receipt's signature against the server's published keys.")
final class VerifyReceiptCommand implements Callable<Integer> {

    static final String KEYS_PATH = "/.well-known/bar-receipt-keys";
    private static final int MAX_BYTES = 1024 * 1024;

    private final Io io;

    @Parameters(index = "0", paramLabel = "RECEIPT", description = "The receipt's JSON file (- = standard input).")
    String receipt = "";

    @Option(names = "--keys", paramLabel = "URL|FILE", description = "The published keys: a saved copy (FILE), "
            + "their URL, or a server's address (…" + KEYS_PATH + " is added). Default: the server "
            + "(--server, $BAR_SERVER, the last bar login).")
    @Nullable String keys;

    @Mixin
    ServerOptions server = new ServerOptions();

    VerifyReceiptCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        byte[] receiptJson = receipt.equals("-") ? read(io.in(), "standard input") : read(Path.of(receipt));
        ReceiptVerifier.Verified valid = ReceiptVerifier.verify(receiptJson, keySet());
        io.out().println("valid: share " + valid.shareId() + " destroyed " + valid.destroyedAt() + " (" + valid.reason()
                + "), created " + valid.createdAt() + ", " + valid.viewsUsed() + " view(s) used; signed by key "
                + valid.kid() + " of " + valid.issuer());
        return Exit.OK;
    }

    private byte[] keySet() {
        if (keys == null) {
            return server.anonymous(server.server(io)).receiptKeys(KEYS_PATH);
        }
        if (!keys.startsWith("https://") && !keys.startsWith("http://")) {
            return read(Path.of(keys));
        }
        URI url = ServerOptions.normalise(keys);
        String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? KEYS_PATH : url.getRawPath();
        URI base = URI.create(url.getScheme() + "://" + url.getRawAuthority());
        return server.anonymous(base).receiptKeys(path);
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw CliFailure.usage("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] read(InputStream in, String name) {
        try {
            byte[] bytes = in.readNBytes(MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw CliFailure.usage(name + " is larger than a receipt or a key set can be (1 MiB)");
            }
            return bytes;
        } catch (IOException e) {
            throw CliFailure.usage("cannot read " + name + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
