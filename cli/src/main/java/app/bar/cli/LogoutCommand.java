package app.bar.cli;

import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code bar logout}: forgets the stored token of a server. */
@Command(name = "logout", mixinStandardHelpOptions = true, description = {"Forget the token bar login stored for this server.",
        "The token itself stays valid until it expires: revoke it in the dashboard (API tokens) if it may have leaked."})
final class LogoutCommand implements Callable<Integer> {

    private final Io io;

    @Mixin
    ServerOptions server = new ServerOptions();

    LogoutCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        URI base = server.server(io);
        Credentials credentials = Credentials.load(io.configDir());
        boolean had = credentials.remove(base.toString());
        credentials.save();
        io.err().println(had ? "Forgot the token for " + base + ". It stays valid until it expires; revoke it in the dashboard "
                + "(API tokens) if it may have leaked." : "No token was stored for " + base + ".");
        if (io.env("BAR_TOKEN") != null) {
            io.err().println("Note: BAR_TOKEN is still set in this environment.");
        }
        return Exit.OK;
    }
}
