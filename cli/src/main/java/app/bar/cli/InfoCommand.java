package app.bar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code bar info}: a share's public facts; uses no view and needs no key. */
@Command(name = "info", mixinStandardHelpOptions = true, description = "Show what a share is and how it is protected, without opening it (no view used).")
final class InfoCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "LINK", description = "The share link (or - to read it from standard input).")
    String link = "";

    @Option(names = "--json", description = "Print the server's answer as JSON.")
    boolean json;

    @Mixin
    ServerOptions server = new ServerOptions();

    InfoCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ShareLink share = ShareLink.parse(OpenCommand.readLink(io, link));
        JsonNode meta = server.anonymous(server.server(io, share.server())).metadata(share.id());
        if (json) {
            io.out().println(Api.JSON.writeValueAsString(meta));
            return Exit.OK;
        }
        List<String> protection = new ArrayList<>();
        protection.add(meta.path("zeroKnowledge").asBoolean() ? "end-to-end encrypted (zero-knowledge)" : "encrypted on the server");
        if (meta.path("requiresPassword").asBoolean()) {
            protection.add("password");
        }
        if (meta.path("requiresOtp").asBoolean()) {
            protection.add("email one-time code");
        }
        if (meta.path("viewOnly").asBoolean()) {
            protection.add("view only");
        }
        io.out().println("kind:       " + meta.path("kind").asString());
        io.out().println("protection: " + String.join(", ", protection));
        io.out().println("expires:    " + meta.path("expiresAt").asString());
        return Exit.OK;
    }
}
