package app.bar.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code bar}: zero-knowledge shares from a terminal or a pipeline, and offline {@code .bar}
 * containers (docs/cli.md). Every command prints its result on stdout and anything else — one
 * line per error, naming what to do — on stderr, and exits with a code of {@link Exit}.
 */
@Command(name = "bar", mixinStandardHelpOptions = true, version = "bar " + BarCli.VERSION,
        description = "Burn After Reading: self-destructing shares, encrypted before they leave this machine.",
        synopsisSubcommandLabel = "COMMAND",
        footerHeading = "%nEnvironment:%n",
        footer = {"  BAR_SERVER   the server, e.g. https://bar.example.com",
                  "  BAR_TOKEN    a personal API token (else the one bar login stored)",
                  "  JAVA_OPTS    options for the JVM (bin/bar)",
                  "", "Docs: docs/cli.md"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "2:wrong usage, or the server refused the input",
                "3:the share does not exist (opened, expired, burned, or a wrong link)",
                "4:wrong password, one-time code or API token",
                "5:locked or rate-limited: try again after the wait printed",
                "6:network or server failure, or the content did not decrypt",
                "7:the receipt does not verify (altered, or not signed by these keys)"})
public final class BarCli implements Runnable {

    public static final String VERSION = "0.1.0";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(Io.system(), args));
    }

    /** Runs one command line against {@code io}; answers the exit code. */
    public static int run(Io io, String... args) {
        CommandLine cli = new CommandLine(new BarCli());
        cli.addSubcommand(new SendCommand(io));
        cli.addSubcommand(new OpenCommand(io));
        cli.addSubcommand(new InfoCommand(io));
        cli.addSubcommand(new BurnCommand(io));
        cli.addSubcommand(new LoginCommand(io));
        cli.addSubcommand(new LogoutCommand(io));
        cli.addSubcommand(new ListCommand(io));
        cli.addSubcommand(new EventsCommand(io));
        cli.addSubcommand(RequestCommand.commandLine(io));
        cli.addSubcommand(new ReceiptCommand(io));
        cli.addSubcommand(new VerifyReceiptCommand(io));
        cli.addSubcommand(new CommandLine(new AdminCommand()).addSubcommand(new AuditCommand(io)));
        cli.addSubcommand(new SealCommand(io));
        cli.addSubcommand(new UnsealCommand(io));
        cli.setOut(new PrintWriter(new java.io.OutputStreamWriter(io.out(), StandardCharsets.UTF_8), true));
        cli.setErr(new PrintWriter(new java.io.OutputStreamWriter(io.err(), StandardCharsets.UTF_8), true));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CliFailure failure) {
                io.err().println("bar: " + failure.getMessage());
                io.err().flush();
                return failure.exitCode();
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, args2) -> {
            String help = "bar " + (e.getCommandLine().getParent() != null ? e.getCommandLine().getCommandName() + " " : "") + "--help";
            io.err().println("bar: " + e.getMessage().strip().replace('\n', ' ') + " (see " + help + ")");
            io.err().flush();
            return Exit.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing: send, open, info, burn, login, "
                + "logout, list, events, request, receipt, verify-receipt, admin, seal or unseal");
    }
}
