package app.bar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/** {@code bar events}: a share's access log, for its signed-in owner. */
@Command(name = "events", mixinStandardHelpOptions = true, description = "Show the access log of one of your shares (signed in).")
final class EventsCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "ID|LINK", description = "The share's id (from bar list) or link.")
    String share = "";

    @Option(names = "--json", description = "Print the server's answer as JSON.")
    boolean json;

    @Mixin
    ServerOptions server = new ServerOptions();

    EventsCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        ShareLink link = ShareLink.parse(share);
        JsonNode answer = server.signedIn(io, server.server(io, link.server())).events(link.id());
        if (json) {
            io.out().println(Api.JSON.writeValueAsString(answer));
            return Exit.OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"AT", "OUTCOME", "IP", "BROWSER"});
        for (JsonNode event : answer.path("events")) {
            rows.add(new String[] {event.path("at").asString(), event.path("outcome").asString(),
                    event.path("ip").isNull() ? "-" : event.path("ip").asString(),
                    event.path("browser").isNull() ? "-" : event.path("browser").asString()});
        }
        Table.print(io.out(), rows);
        return Exit.OK;
    }
}
