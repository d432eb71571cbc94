package app.bar.cli;

import app.bar.format.RequestKeys;
import app.bar.format.ShareKeys;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar request}: ask someone for a secret (docs/shares.md, "Requests for a secret"), with
 * the keys of docs/zero-knowledge-format.md ("Requests") made and used here exactly as the
 * browser's request.mjs does: the requester's P-256 key pair never reaches the server, the filler
 * seals for the requester with a link key agreed by ECDH, and the answer is an ordinary
 * zero-knowledge text share that {@code bar request open} opens through {@code bar open}'s code.
 */
@Command(name = "request", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Ask someone for a secret: new (signed in) makes a request link for them and an open link for you;",
                "they answer with fill (no account needed); you read the answer with open."})
final class RequestCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static CommandLine commandLine(Io io) {
        return new CommandLine(new RequestCommand()).addSubcommand(new New(io)).addSubcommand(new Fill(io))
                .addSubcommand(new Open(io)).addSubcommand(new ListRequests(io)).addSubcommand(new Delete(io));
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a request command is missing: new, fill, open, list or delete");
    }

    /** {@code bar request new}: the key pair here, the request on the server, both links printed. */
    @Command(name = "new", mixinStandardHelpOptions = true, sortOptions = false, description = {"Ask for a secret (signed in).",
            "Prints the request link (send it to the person you ask; it works once) and the open link",
            "(keep it: it holds the only key that opens the answer)."})
    static final class New implements Callable<Integer> {

        private final Io io;

        @Option(names = "--note", paramLabel = "TEXT", description = "What you ask for, shown to whoever opens the request link "
                + "(at most 1000 characters; stored in clear: write no secret in it).")
        @Nullable String note;

        @Option(names = "--expires", paramLabel = "TIME", description = "How long it can be answered, like 1h, 2d (default 7 days).")
        @Nullable String expires;

        @Option(names = "--answer-expires", paramLabel = "TIME", description = "How long the answer stays readable (default 7 days).")
        @Nullable String answerExpires;

        @Option(names = "--views", paramLabel = "N", description = "How often the answer may be opened, 1..100 (default 1).")
        @Nullable Integer views;

        @Option(names = "--max-size", paramLabel = "SIZE", description = "The largest answer, like 4096, 64k, 1M (default: what a text share holds).")
        @Nullable String maxSize;

        @Mixin
        SecretOptions password = new SecretOptions();

        @Option(names = "--json", description = "Print {requestLink, openLink, id, expiresAt} as JSON on stdout.")
        boolean json;

        @Option(names = {"-q", "--quiet"}, description = "No notes on stderr.")
        boolean quiet;

        @Mixin
        ServerOptions server = new ServerOptions();

        New(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws GeneralSecurityException {
            password.check();
            Map<String, Object> body = new LinkedHashMap<>();
            if (note != null) {
                body.put("note", note);
            }
            if (expires != null) {
                body.put("expiresIn", Durations.parseSeconds(expires, "--expires"));
            }
            if (answerExpires != null) {
                body.put("shareExpiresIn", Durations.parseSeconds(answerExpires, "--answer-expires"));
            }
            if (views != null) {
                body.put("maxViews", views);
            }
            if (maxSize != null) {
                body.put("maxBytes", bytes(maxSize));
            }
            Api api = server.signedIn(io, server.server(io));
            char[] secret = password.read(io, false, password.prompt != null, "Password for the request");
            byte[] keyPair = RequestKeys.newKeyPair();
            JsonNode made;
            try {
                if (secret != null) {
                    body.put("password", secret);
                }
                made = api.createRequest(body);
            } finally {
                if (secret != null) {
                    Arrays.fill(secret, '\0');
                }
            }
            String[] links = RequestLink.links(made.path("url").asString(), keyPair);
            Arrays.fill(keyPair, (byte) 0);
            if (json) {
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("requestLink", links[0]);
                out.put("openLink", links[1]);
                out.put("id", made.path("id").asString());
                out.put("expiresAt", made.path("expiresAt").asString());
                io.out().println(Api.JSON.writeValueAsString(out));
            } else {
                io.out().println(links[0]);
                io.out().println(links[1]);
            }
            io.out().flush();
            if (!quiet && !json) {
                io.err().println("The first line is the request link: send it to the person you ask (it works once"
                        + (secret != null ? "; give them the password another way" : "") + ").");
                io.err().println("The second is the open link: keep it, it holds the only key that opens the answer "
                        + "(bar request open OPEN-LINK). It is not shown again.");
                io.err().println("The request can be answered until " + made.path("expiresAt").asString() + ".");
            }
            io.err().flush();
            return Exit.OK;
        }

        /** A size: bytes, or with k/M (KiB/MiB). */
        static int bytes(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([0-9]{1,9})\\s*([kKmM]?)(i?B)?").matcher(text.strip());
            if (!m.matches()) {
                throw CliFailure.usage("--max-size must be a size like 4096, 64k or 1M, was '" + text + "'");
            }
            long value = Long.parseLong(m.group(1)) * switch (m.group(2).toLowerCase(Locale.ROOT)) {
                case "k" -> 1024L;
                case "m" -> 1024L * 1024;
                default -> 1L;
            };
            return (int) Math.min(value, Integer.MAX_VALUE);
        }
    }

    /** {@code bar request fill}: answers a request as its browser page does, anonymously. */
    @Command(name = "fill", mixinStandardHelpOptions = true, sortOptions = false, description = {"Answer a request for a secret "
            + "(no account needed).", "The secret is read from standard input, or from FILE; it is encrypted here for the requester."})
    static final class Fill implements Callable<Integer> {

        private final Io io;

        @Parameters(index = "0", paramLabel = "REQUEST-LINK", description = "https://SERVER/r/ID#KEY, as the requester sent it.")
        String link = "";

        @Parameters(index = "1", arity = "0..1", paramLabel = "FILE|-", description = "Read the secret from FILE (default: - , standard input).")
        String file = "-";

        @Mixin
        SecretOptions password = new SecretOptions();

        @Option(names = {"-q", "--quiet"}, description = "No notes on stderr.")
        boolean quiet;

        @Mixin
        ServerOptions server = new ServerOptions();

        Fill(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws IOException {
            password.check();
            if (file.equals("-") && password.stdin) {
                throw CliFailure.usage("standard input carries the secret: give the password with --password-file or --password-env");
            }
            if (!file.equals("-")) {
                SecretOptions.requireFile(file);
            }
            RequestLink request = RequestLink.parse(link);
            if (request.server() == null) {
                throw CliFailure.usage("give the whole request link, https://SERVER/r/ID#KEY");
            }
            byte[] requesterPublic = request.requesterPublic();
            Api api = server.anonymous(server.server(io, request.server()));
            JsonNode info = api.openRequest(request.id());
            int maxBytes = info.path("maxBytes").asInt();
            if (!quiet) {
                io.err().println("Asked: " + printableNote(info.path("note").asString()));
                if (file.equals("-") && io.terminal().stdin()) {
                    io.err().println("Type the secret, then Ctrl-D on a line of its own.");
                }
            }
            byte[] secretText;
            try (InputStream in = file.equals("-") ? io.in() : Files.newInputStream(Path.of(file))) {
                secretText = in.readNBytes(maxBytes + 1);
            }
            try {
                if (secretText.length == 0) {
                    throw CliFailure.usage("the secret is empty: give it on standard input or in FILE");
                }
                if (secretText.length > maxBytes) {
                    throw CliFailure.usage("the secret is larger than this request accepts (" + maxBytes + " bytes)");
                }
                char[] secret = info.path("requiresPassword").asBoolean()
                        ? password.require(io, "this request needs the password the requester gave you") : null;
                try {
                    api.fulfilRequest(request.id(), answer(requesterPublic, secretText, secret));
                } finally {
                    if (secret != null) {
                        Arrays.fill(secret, '\0');
                    }
                }
            } finally {
                Arrays.fill(secretText, (byte) 0);
            }
            if (!quiet) {
                io.err().println("Sent: encrypted here for the requester; only their open link opens it. The request link "
                        + "no longer works.");
            }
            return Exit.OK;
        }

        /** {ephemeralPublic, linkVerifier, text[, password]}: sealed under the link key agreed with the requester's key. */
        private static Map<String, Object> answer(byte[] requesterPublic, byte[] text, char @Nullable [] password)
                throws IOException {
            byte[] ephemeral;
            byte[] linkKey;
            try {
                ephemeral = RequestKeys.newKeyPair();
                linkKey = RequestKeys.fillerLinkKey(Arrays.copyOfRange(ephemeral, 0, RequestKeys.PRIVATE_KEY_BYTES),
                        Arrays.copyOfRange(ephemeral, RequestKeys.PRIVATE_KEY_BYTES, ephemeral.length), requesterPublic);
            } catch (java.security.GeneralSecurityException e) {
                throw CliFailure.usage("the key after the # in the request link is damaged: ask the requester for the whole link");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            try {
                ShareKeys keys = ShareKeys.derive(linkKey);
                byte[] contentKey = keys.contentKey();
                try {
                    body.put("ephemeralPublic", RequestLink.encode(
                            Arrays.copyOfRange(ephemeral, RequestKeys.PRIVATE_KEY_BYTES, ephemeral.length)));
                    body.put("linkVerifier", keys.linkVerifier());
                    body.put("text", SendCommand.sealText(text, contentKey, false));
                } finally {
                    Arrays.fill(contentKey, (byte) 0);
                }
            } catch (java.security.GeneralSecurityException e) {
                throw new IllegalStateException("the JDK cannot derive the share keys", e);
            } finally {
                Arrays.fill(ephemeral, (byte) 0);
                Arrays.fill(linkKey, (byte) 0);
            }
            if (password != null) {
                body.put("password", password);
            }
            return body;
        }
    }

    /** {@code bar request open}: the answer's share id and ephemeral key from the server, then {@code bar open}'s steps. */
    @Command(name = "open", mixinStandardHelpOptions = true, sortOptions = false, description = {"Open the answer to your request "
            + "(signed in) with the open link: text to stdout, or -o FILE.", "OPEN-LINK may be - to read it from standard input."})
    static final class Open implements Callable<Integer> {

        private final Io io;

        @Parameters(index = "0", paramLabel = "OPEN-LINK", description = "https://SERVER/r/ID/open#KEY, or - to read it from standard input.")
        String link = "";

        @Option(names = {"-o", "--output"}, paramLabel = "FILE|-", description = "Write the answer to FILE (replaced), or - for stdout.")
        @Nullable String output;

        @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr.")
        boolean quiet;

        @Mixin
        ServerOptions server = new ServerOptions();

        Open(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() throws GeneralSecurityException, IOException {
            RequestLink request = RequestLink.parse(OpenCommand.readLink(io, link));
            byte[] keyPair = request.openKey();
            URI base = server.server(io, request.server());
            JsonNode own = server.signedIn(io, base).requestAnswer(request.id());
            String state = own.path("state").asString();
            if (!state.equals("fulfilled")) {
                throw switch (state) {
                    case "open" -> new CliFailure(Exit.WAIT, "not answered yet: try again later (the request can be answered until "
                            + own.path("expiresAt").asString() + ")");
                    case "locked" -> new CliFailure(Exit.GONE, "the request was closed after five wrong passwords, without an answer");
                    default -> new CliFailure(Exit.GONE, "the request expired without an answer");
                };
            }
            byte[] linkKey;
            try {
                linkKey = RequestKeys.requesterLinkKey(Arrays.copyOfRange(keyPair, 0, RequestKeys.PRIVATE_KEY_BYTES),
                        Arrays.copyOfRange(keyPair, RequestKeys.PRIVATE_KEY_BYTES, keyPair.length),
                        java.util.Base64.getUrlDecoder().decode(own.path("ephemeralPublic").asString()));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw CliFailure.usage("the key after the # in the open link is damaged: copy the whole open link again");
            } finally {
                Arrays.fill(keyPair, (byte) 0);
            }
            OpenCommand opener = new OpenCommand(io);
            opener.output = output;
            opener.quiet = quiet;
            opener.server = server;
            try {
                return opener.open(base, own.path("shareId").asString(), linkKey);
            } finally {
                Arrays.fill(linkKey, (byte) 0);
            }
        }
    }

    /** {@code bar request list}: the signed-in requester's requests. */
    @Command(name = "list", mixinStandardHelpOptions = true, description = "List your requests (signed in).")
    static final class ListRequests implements Callable<Integer> {

        private final Io io;

        @Option(names = "--json", description = "Print the server's answer as JSON.")
        boolean json;

        @Mixin
        ServerOptions server = new ServerOptions();

        ListRequests(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            JsonNode answer = server.signedIn(io, server.server(io)).listRequests();
            if (json) {
                io.out().println(Api.JSON.writeValueAsString(answer));
                return Exit.OK;
            }
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"ID", "STATE", "EXPIRES", "ANSWERED", "NOTE"});
            for (JsonNode request : answer) {
                String note = printableNote(request.path("note").asString());
                rows.add(new String[] {request.path("id").asString(), request.path("state").asString(),
                        request.path("expiresAt").asString(),
                        request.path("fulfilledAt").isNull() || request.path("fulfilledAt").isMissingNode() ? "-"
                                : request.path("fulfilledAt").asString(),
                        note.length() > 40 ? note.substring(0, 39) + "…" : note});
            }
            Table.print(io.out(), rows);
            return Exit.OK;
        }
    }

    /** {@code bar request delete}: withdraws a request (an answer's share stays until it burns). */
    @Command(name = "delete", mixinStandardHelpOptions = true, description = {"Withdraw one of your requests (signed in):",
            "its request link stops working. An answer already given stays until it burns (bar burn)."})
    static final class Delete implements Callable<Integer> {

        private final Io io;

        @Parameters(index = "0", paramLabel = "ID|LINK", description = "The request's id, or its request or open link.")
        String request = "";

        @Option(names = {"-q", "--quiet"}, description = "No note on stderr.")
        boolean quiet;

        @Mixin
        ServerOptions server = new ServerOptions();

        Delete(Io io) {
            this.io = io;
        }

        @Override
        public Integer call() {
            RequestLink parsed = RequestLink.parse(request);
            server.signedIn(io, server.server(io, parsed.server())).deleteRequest(parsed.id());
            if (!quiet) {
                io.err().println("Withdrawn: the request link no longer works.");
            }
            return Exit.OK;
        }
    }

    /** A note, as shown: "(no note)" when there is none. */
    private static String printableNote(@Nullable String text) {
        return text == null || text.isEmpty() ? "(no note)" : printable(text);
    }

    /** Text from someone else (a note, an address as typed), without control characters that could drive the terminal. */
    static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT ? ' ' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
