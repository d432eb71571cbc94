package app.bar.cli;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar login}: gets a personal API token and stores it (config dir, mode 600). Either
 * signs in with email and password — a short browser-style session that mints a token with the
 * scopes shares:read, shares:write and account:read and is ended at once — or takes a token made
 * in the dashboard from standard input ({@code --token-stdin}). The password never stays: only
 * the token, which can be revoked in the dashboard and expires.
 */
@Command(name = "login", mixinStandardHelpOptions = true, sortOptions = false, description = {"Store a personal API token for this server.",
        "Signs in with email and password (asked without echo) and makes a token, or takes one from stdin."})
final class LoginCommand implements Callable<Integer> {

    static final List<String> SCOPES = List.of("shares:read", "shares:write", "account:read");

    private final Io io;

    @Option(names = "--email", paramLabel = "EMAIL", description = "Your account's email (else asked).")
    @Nullable String email;

    @Mixin
    SecretOptions password = new SecretOptions();

    @Option(names = "--token-stdin", description = "Store a token made in the dashboard (bar_pat_…), read from standard input.")
    boolean tokenStdin;

    @Option(names = "--days", paramLabel = "N", description = "Lifetime of the token made, in days (default 90; the server caps it).")
    int days = 90;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the token made, as the dashboard lists it.")
    @Nullable String name;

    @Mixin
    ServerOptions server = new ServerOptions();

    LoginCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() {
        password.check();
        URI base = server.server(io);
        Credentials credentials = Credentials.load(io.configDir());
        if (tokenStdin) {
            storePasted(base, credentials);
            return Exit.OK;
        }
        String account = email != null ? email : askEmail();
        char[] secret = password.require(io, "Password for " + account);
        JsonNode token;
        Api api = server.anonymous(base);
        try {
            Api.Session session = api.login(account, secret);
            try {
                token = api.createToken(session, name != null ? name : defaultName(), SCOPES, days);
            } finally {
                api.logout(session);
            }
        } finally {
            Arrays.fill(secret, '\0');
        }
        credentials.put(base.toString(), token.path("token").asString(), account, token.path("expiresAt").asString());
        credentials.save();
        io.err().println("Signed in to " + base + " as " + account + ". A token (" + String.join(", ", SCOPES) + ") valid until "
                + token.path("expiresAt").asString() + " is stored in " + io.configDir().resolve(Credentials.FILE) + ".");
        return Exit.OK;
    }

    private void storePasted(URI base, Credentials credentials) {
        if (password.given() || email != null) {
            throw CliFailure.usage("--token-stdin stores a token: give no email or password with it");
        }
        char[] line = io.readStdinLine();
        String token = line == null ? "" : new String(line).strip();
        if (!token.startsWith("bar_pat_")) {
            throw CliFailure.usage("--token-stdin: expected a personal API token (bar_pat_…) on the first line of standard input");
        }
        int status = new Api(base, server.ssl(), token).accountStatus(); // 401 throws: a wrong or expired token
        credentials.put(base.toString(), token, null, null);
        credentials.save();
        io.err().println("Token stored for " + base + (status == 403 ? " (it cannot read the account; fine for shares)" : "")
                + " in " + io.configDir().resolve(Credentials.FILE) + ".");
    }

    private String askEmail() {
        String line = io.prompter().readLine("Email: ");
        if (line == null || line.isBlank()) {
            throw CliFailure.usage("which account? Give --email EMAIL");
        }
        return line.strip();
    }

    private static String defaultName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "unknown host";
        }
        String name = "bar CLI on " + host;
        return name.length() > 100 ? name.substring(0, 100) : name;
    }
}
