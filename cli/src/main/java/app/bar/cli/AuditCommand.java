package app.bar.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bar admin audit}: the server's audit export (security events and share lifecycle events)
 * as NDJSON or CSV on stdout, following the server's cursor page after page; the cursor to resume
 * from goes to stderr. Needs an admin (an API token with the {@code admin} scope).
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Export security and share lifecycle events as NDJSON or CSV (admin).")
final class AuditCommand implements Callable<Integer> {

    private final Io io;

    @Option(names = "--format", paramLabel = "ndjson|csv", description = "Output format (default ndjson).")
    String format = "ndjson";

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
            description = "Only these event types, e.g. login.failed,share.opened (repeatable).")
    List<String> types = new ArrayList<>();

    @Option(names = "--source", paramLabel = "security|share", description = "Only security or only share events.")
    @Nullable String source;

    @Option(names = "--from", paramLabel = "INSTANT", description = "From this time on (ISO-8601, e.g. 2026-12-01T00:00:00Z).")
    @Nullable String from;

    @Option(names = "--to", paramLabel = "INSTANT", description = "Before this time (ISO-8601).")
    @Nullable String to;

    @Option(names = "--account", paramLabel = "ID", description = "Only this account's events.")
    @Nullable String account;

    @Option(names = "--cursor", paramLabel = "CURSOR", description = "Resume after this cursor (printed by a previous run).")
    @Nullable String cursor;

    @Option(names = "--page-size", paramLabel = "N", description = "Events per request, 1-5000 (default 1000).")
    int pageSize = 1000;

    @Option(names = "--max-pages", paramLabel = "N", description = "Stop after N pages (default: until the end).")
    int maxPages = Integer.MAX_VALUE;

    @Mixin
    ServerOptions server = new ServerOptions();

    AuditCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        if (!format.equals("ndjson") && !format.equals("csv")) {
            throw CliFailure.usage("--format is ndjson or csv");
        }
        Api api = server.signedIn(io, server.server(io));
        String position = cursor;
        boolean more = true;
        for (int page = 0; more && page < maxPages; page++) {
            Api.AuditPage answer = api.audit(query(position), io.out(), page > 0 && format.equals("csv"));
            more = answer.more();
            position = answer.nextCursor() != null ? answer.nextCursor() : position;
        }
        io.out().flush();
        if (position != null) {
            io.err().println("bar: to continue from here later: --cursor " + position);
        }
        return Exit.OK;
    }

    private List<String[]> query(@Nullable String position) {
        List<String[]> query = new ArrayList<>();
        query.add(new String[] {"format", format});
        query.add(new String[] {"limit", String.valueOf(pageSize)});
        types.forEach(t -> query.add(new String[] {"type", t}));
        add(query, "source", source);
        add(query, "from", from);
        add(query, "to", to);
        add(query, "account", account);
        add(query, "cursor", position);
        return query;
    }

    private static void add(List<String[]> query, String name, @Nullable String value) {
        if (value != null) {
            query.add(new String[] {name, value});
        }
    }
}
