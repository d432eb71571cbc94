package app.bar.platform.cli;

import app.bar.platform.config.KeyRingSetting;
import app.bar.platform.config.ProductionGuard;
import app.bar.platform.secrets.KeyRingSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints a fresh entry for every key ring a module declares ({@link ProductionGuard#keyRings()}:
 * the JWT signing key and the master key), as its variable expects it, straight from
 * {@code SecureRandom}. Nothing is written to disk.
 */
@Command(name = "generate-keys", mixinStandardHelpOptions = true,
        description = "Print a fresh JWT signing key, master key and receipt signing key for a production .env file.")
final class GenerateKeysCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("# Fresh keys from SecureRandom. Keep them secret; to rotate, put the new entry");
        out.println("# first and keep the old ones after it until nothing needs them.");
        for (KeyRingSetting ring : ProductionGuard.keyRings()) {
            out.println(ring.variable() + "=" + KeyRingSpec.generateEntry(ring.prefix(), ring.minBytes()));
        }
        out.flush();
        return 0;
    }
}
