package app.bar.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code bar receipt}: the signed destruction receipt of one of your destroyed shares, as the server signed it. */
@Command(name = "receipt", mixinStandardHelpOptions = true,
        description = "Print the signed destruction receipt of one of your destroyed shares (signed in).")
final class ReceiptCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "ID|LINK", description = "The share's id (from bar list) or link.")
    String share = "";

    @Mixin
    ServerOptions server = new ServerOptions();

    ReceiptCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ShareLink link = ShareLink.parse(share);
        byte[] receipt = server.signedIn(io, server.server(io, link.server())).receipt(link.id());
        io.out().write(receipt, 0, receipt.length);
        io.out().println();
        io.out().flush();
        return Exit.OK;
    }
}
