package app.bar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code bar burn}: destroys a share now, with its manage link, or as its signed-in owner. */
@Command(name = "burn", mixinStandardHelpOptions = true, description = {"Destroy a share now.",
        "Give its manage link (…/s/ID#manage=…), or, signed in, its link or id."})
final class BurnCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "MANAGE-LINK|ID", description = "The manage link, or - to read it from standard input.")
    String link = "";

    @Option(names = {"-q", "--quiet"}, description = "No note on stderr.")
    boolean quiet;

    @Mixin
    ServerOptions server = new ServerOptions();

    BurnCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ShareLink share = ShareLink.parse(OpenCommand.readLink(io, link));
        java.net.URI base = server.server(io, share.server());
        if (share.manageToken() != null) {
            server.anonymous(base).burn(share.id(), share.manageToken());
        } else {
            server.signedIn(io, base).burn(share.id(), null);
        }
        if (!quiet) {
            io.err().println("Burned: the link no longer opens anything.");
        }
        return Exit.OK;
    }
}
