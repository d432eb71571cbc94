package app.bar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code bar list}: the signed-in owner's shares. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List your shares (signed in: bar login or BAR_TOKEN).")
final class ListCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--json", description = "Print the server's answer as JSON.")
    boolean json;

    @Mixin
    ServerOptions server = new ServerOptions();

    ListCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        JsonNode answer = server.signedIn(io, server.server(io)).listShares();
        if (json) {
            io.out().println(Api.JSON.writeValueAsString(answer));
            return Exit.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "KIND", "STATE", "VIEWS LEFT", "EXPIRES", "PROTECTION"});
        for (JsonNode share : answer.path("shares")) {
            List<String> protection = new ArrayList<>();
            if (share.path("zeroKnowledge").asBoolean()) {
                protection.add("zero-knowledge");
            }
            if (share.path("requiresPassword").asBoolean()) {
                protection.add("password");
            }
            if (share.path("requiresOtp").asBoolean()) {
                protection.add("otp");
            }
            rows.add(new String[] {share.path("id").asString(), share.path("kind").asString(),
                    share.path("state").asString().toLowerCase(Locale.ROOT),
                    share.path("viewsLeft").isNull() || share.path("viewsLeft").isMissingNode() ? "-" : share.path("viewsLeft").asString(),
                    share.path("expiresAt").asString(), protection.isEmpty() ? "-" : String.join(",", protection)});
        }
        Table.print(io.out(), rows);
        return Exit.OK;
    }
}
