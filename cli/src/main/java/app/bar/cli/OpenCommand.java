package app.bar.cli;

import app.bar.format.RecipientKeys;
import app.bar.format.ShareKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar open}: reads the share's public facts (no view used), refuses what cannot work
 * before a view is spent, asks for the password and one-time code the share needs, redeems the
 * ticket (one view) and decrypts here with the key from the link's fragment — the steps of the
 * browser's open page (open.mjs).
 */
@Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false, description = {"Open a share: text to stdout, a file saved under its name,",
        "several files saved under a folder (-o DIR, default the current directory) and listed on stdout.",
        "LINK may be - to read the link from the first line of standard input."})
final class OpenCommand implements Callable<Integer> {

    private final Io io;

    @Parameters(index = "0", paramLabel = "LINK", description = "https://SERVER/s/ID#KEY, or - to read it from standard input.")
    String link = "";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE|DIR|-", description = {"Write the content to FILE (replaced), or - for stdout.",
            "A share of several files: the folder to save them in (created; default: the current directory)."})
    @Nullable String output;

    @Option(names = "--force", description = "A share of several files: replace existing files (default: a free name, name (1).ext).")
    boolean force;

    @Mixin
    SecretOptions password = new SecretOptions();

    @Mixin
    KeyOptions key = new KeyOptions();

    @Option(names = "--email", paramLabel = "EMAIL", description = "Your address, for a share that mails a one-time code.")
    @Nullable String email;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr.")
    boolean quiet;

    @Mixin
    ServerOptions server = new ServerOptions();

    OpenCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws GeneralSecurityException, IOException {
        password.check();
        key.check();
        ShareLink share = ShareLink.parse(readLink(io, link));
        if (share.manageToken() != null) {
            throw CliFailure.usage("this is a manage link: it burns the share (bar burn), it does not open it");
        }
        return open(server.server(io, share.server()), share.id(), share.hasKey() ? share.key() : null);
    }

    /**
     * Opens share {@code id} of {@code base} with {@code linkKey} (a zero-knowledge share's; asked
     * through the key options when null) — for {@code bar open}, and for {@code bar request open},
     * whose link key is agreed rather than in a link.
     */
    int open(URI base, String id, byte @Nullable [] linkKey) throws GeneralSecurityException, IOException {
        Api api = server.anonymous(base);
        JsonNode meta = api.metadata(id);
        boolean zeroKnowledge = meta.path("zeroKnowledge").asBoolean();
        boolean textKind = "text".equals(meta.path("kind").asString());
        PlaintextOutput out = new PlaintextOutput(io, output, force);
        if (meta.path("viewOnly").asBoolean() && !textKind) {
            throw CliFailure.usage("the sender made this file view-only: open the link in a browser");
        }
        out.refuseBinaryOnTerminal(textKind);
        byte[] contentLinkKey = zeroKnowledge ? (linkKey != null ? linkKey : key.read(io)) : null;

        Map<String, Object> unlock = new LinkedHashMap<>();
        ShareKeys keys = null;
        char[] secret = meta.path("requiresPassword").asBoolean()
                ? password.require(io, "this share needs its password") : null;
        try {
            if (zeroKnowledge) {
                keys = secret == null ? ShareKeys.derive(contentLinkKey) : ShareKeys.derive(contentLinkKey, secret);
                unlock.put("linkAccessKey", keys.linkAccessKey());
                if (keys.passwordBound()) {
                    unlock.put("accessKey", keys.accessKey());
                }
            } else if (secret != null) {
                unlock.put("password", secret);
            }
            JsonNode ticket = unlock(api, id, unlock, meta.path("requiresOtp").asBoolean());
            byte[] contentKey = keys == null || contentLinkKey == null ? null : contentKey(ticket, keys, contentLinkKey);
            String where = read(api, id, ticket, contentKey, out, textKind);
            if (!quiet && !where.equals("standard output")) {
                io.err().println("Saved to " + where);
            }
            return Exit.OK;
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
    }

    /** The link argument, or the first line of standard input for {@code -} (keeps the key out of the process list). */
    static String readLink(Io io, String argument) {
        if (!argument.equals("-")) {
            return argument;
        }
        char[] line = io.readStdinLine();
        if (line == null) {
            throw CliFailure.usage("standard input is empty: expected the link on its first line");
        }
        return new String(line);
    }

    private JsonNode unlock(Api api, String id, Map<String, Object> body, boolean requiresOtp) {
        if (requiresOtp) {
            body.put("email", email != null ? email : askLine("This share mails a one-time code. Your email: ", "--email EMAIL"));
            String language = io.language();
            if (language != null) {
                body.put("language", language); // the code's mail in the user's language (the server picks the nearest it has)
            }
        }
        JsonNode ticket = api.unlock(id, body);
        if (ticket == null) {
            if (!quiet) {
                io.err().println("If this address may open the share, a 6-digit code is on its way to it (valid 10 minutes).");
            }
            body.put("otp", askLine("Code from the email: ", "the code on the next line of standard input").strip());
            ticket = api.unlock(id, body);
            if (ticket == null) {
                throw CliFailure.failed("the server mailed another code instead of opening: run the command again");
            }
        }
        return ticket;
    }

    /** A line from the terminal, else the next line of standard input. */
    private String askLine(String prompt, String alternative) {
        String line = io.terminal().stdin() ? null : stdinLine();
        if (line == null) {
            line = io.prompter().readLine(prompt);
        }
        if (line == null || line.isBlank()) {
            throw CliFailure.usage(prompt.replace(": ", "") + " is needed and there is nobody to ask: give " + alternative);
        }
        return line.strip();
    }

    private @Nullable String stdinLine() {
        char[] line = io.readStdinLine();
        return line == null ? null : new String(line);
    }

    /**
     * The content key of a zero-knowledge share: a per-recipient link's is unwrapped from the unlock
     * answer's {@code wrappedKey} with the link key, before the view is spent (docs/zero-knowledge-format.md,
     * "Per-recipient links"); any other's is derived from the link key (and password).
     */
    static byte[] contentKey(JsonNode ticket, ShareKeys keys, byte[] linkKey) {
        JsonNode wrapped = ticket.path("wrappedKey");
        if (wrapped.isMissingNode() || wrapped.isNull()) {
            return keys.contentKey();
        }
        try {
            return RecipientKeys.unwrap(Base64.getUrlDecoder().decode(wrapped.asString()), linkKey);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new CliFailure(Exit.FAILED, "this link's key does not unwrap the share's key: the share was altered; "
                    + "nothing was opened and no view was used", e);
        }
    }

    private String read(Api api, String id, JsonNode ticket, byte @Nullable [] contentKey, PlaintextOutput out, boolean textKind)
            throws IOException {
        HttpResponse<InputStream> response = api.content(id, ticket.path("ticket").asString());
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        try (Progress progress = Progress.start(io, quiet, "Downloading", total);
                InputStream body = PlaintextOutput.network(progress.counting(response.body()))) {
            if (contentKey == null) {
                try {
                    return out.write(body, textKind, ticket.path("filename").isNull() ? null : ticket.path("filename").asString());
                } catch (PlaintextOutput.NetworkFailure e) {
                    throw new CliFailure(Exit.FAILED, "the download broke off (" + e.getMessage() + "); nothing was saved", e);
                }
            }
            try {
                InputStream container = textKind ? textContainer(body) : body;
                return ContainerReader.open(container, contentKey, out, "the share");
            } finally {
                Arrays.fill(contentKey, (byte) 0);
            }
        }
    }

    /** A zero-knowledge text share's body is its container in base64url (create.mjs). */
    private static InputStream textContainer(InputStream body) throws IOException {
        byte[] encoded = body.readNBytes(2 * SendCommand.TEXT_LIMIT);
        try {
            return new ByteArrayInputStream(Base64.getUrlDecoder().decode(new String(encoded, StandardCharsets.US_ASCII).strip()));
        } catch (IllegalArgumentException e) {
            throw CliFailure.failed("the share's text is not a BAR container: it was not made by a BAR client");
        }
    }
}
