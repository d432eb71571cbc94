package app.bar.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * Which server, how to trust it, and who is calling: {@code --server} (else the link's own
 * server, else {@code BAR_SERVER}, else the server of the last {@code bar login}),
 * {@code --ca-file}, and the API token from {@code BAR_TOKEN} or the stored login.
 */
public final class ServerOptions {

    @Option(names = "--server", paramLabel = "URL", description = "The BAR server, e.g. https://bar.example.com "
            + "(default: the link's server, else $BAR_SERVER, else the server of the last bar login).")
    @Nullable String server;

    @Option(names = "--ca-file", paramLabel = "FILE", description = "Trust the PEM CA certificate(s) in FILE instead of the "
            + "system's (a private CA). TLS is always verified.")
    @Nullable Path caFile;

    @Option(names = "--token", arity = "0..1", hidden = true, description = "refused: use BAR_TOKEN or bar login")
    @Nullable String refusedToken;

    /** The server URL for a command that has no link. */
    URI server(Io io) {
        return server(io, null);
    }

    /** The server URL: --server, the link's server, BAR_SERVER, the last login's server. */
    URI server(Io io, @Nullable URI fromLink) {
        refuseTokenArgument();
        String chosen = server;
        if (chosen == null && fromLink != null) {
            return normalise(fromLink.toString());
        }
        if (chosen == null) {
            chosen = io.env("BAR_SERVER");
        }
        if (chosen == null) {
            chosen = Credentials.load(io.configDir()).defaultServer();
        }
        if (chosen == null) {
            throw CliFailure.usage("which server? Set BAR_SERVER=https://bar.example.com or give --server URL");
        }
        return normalise(chosen);
    }

    void refuseTokenArgument() {
        if (refusedToken != null) {
            throw CliFailure.usage("a token on the command line is refused (other users see it in the process list): "
                    + "set BAR_TOKEN, or store one with bar login");
        }
    }

    static URI normalise(String text) {
        String value = text.strip();
        while (value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw CliFailure.usage("not a server URL: " + value);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw CliFailure.usage("the server must be an http(s) URL like https://bar.example.com, was " + value);
        }
        return uri;
    }

    @Nullable SSLContext ssl() {
        return caFile == null ? null : Tls.trusting(caFile);
    }

    /** An API client without credentials (opening, public facts, manage-token calls). */
    Api anonymous(URI base) {
        return new Api(base, ssl(), null);
    }

    /** An API client with the API token when there is one (BAR_TOKEN, else the stored login). */
    Api maybeSignedIn(Io io, URI base) {
        return new Api(base, ssl(), token(io, base));
    }

    /** An API client that must be signed in. */
    Api signedIn(Io io, URI base) {
        String token = token(io, base);
        if (token == null) {
            throw new CliFailure(Exit.DENIED, "not signed in to " + base + ": run bar login, or set BAR_TOKEN");
        }
        return new Api(base, ssl(), token);
    }

    private static @Nullable String token(Io io, URI base) {
        String token = io.env("BAR_TOKEN");
        return token != null ? token.strip() : Credentials.load(io.configDir()).token(base.toString());
    }
}
