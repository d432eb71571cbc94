package app.bar.platform.cli;

import app.bar.platform.secrets.KeyRingSpec;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Prints a fresh JWT key ring entry and master key, in the formats {@code BAR_JWT_KEYS} and
 * {@code BAR_MASTER_KEYS} expect, straight from {@code SecureRandom}. Nothing is written to disk.
 */
@Command(name = "generate-keys", mixinStandardHelpOptions = true,
        description = "Print a fresh JWT signing key and master key for a production .env file.")
final class GenerateKeysCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        out.println("# Fresh keys from SecureRandom. Keep them secret; to rotate, put the new entry");
        out.println("# first and keep the old ones after it until nothing needs them.");
        out.println("BAR_JWT_KEYS=" + KeyRingSpec.generateEntry("jwt", KeyRingSpec.JWT_KEY_BYTES));
        out.println("BAR_MASTER_KEYS=" + KeyRingSpec.generateEntry("mk", KeyRingSpec.MASTER_KEY_BYTES));
        out.flush();
        return 0;
    }
}
