package app.bar.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bar admin}: commands for a server's admins (an API token with the {@code admin} scope). */
@Command(name = "admin", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Admin commands (an API token with the admin scope).")
final class AdminCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "an admin command is missing: audit");
    }
}
