package app.bar.cli;

import app.bar.format.ShareKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar send}: encrypts a text or a file here (zero-knowledge, the format of
 * docs/zero-knowledge-format.md, exactly as the browser does), creates the share, streams the
 * container up and prints the link with the key in its fragment. {@code --server-mode} lets the
 * server encrypt instead (for its virus scan).
 */
@Command(name = "send", mixinStandardHelpOptions = true, sortOptions = false, description = {"Share a text (from standard input, with --text), a file,",
        "or several files and folders in one share (zero-knowledge; folders recursively, regular files only).",
        "Prints the link on stdout and the manage link (to burn it early) on stderr."})
final class SendCommand implements Callable<Integer> {

    /** Text shares carry their container base64url in `text` while it fits (the browser's limit, create.mjs). */
    static final int TEXT_LIMIT = 1_000_000;
    /** The server's text limit (bar.shares.max-text-size default) for server-mode texts. */
    static final int SERVER_TEXT_LIMIT = 1 << 20;

    private final Io io;

    @Parameters(arity = "0..*", paramLabel = "FILE|DIR|-", description = {"The file to share; - reads standard input.",
            "Several files, or a folder: one share of them all (links inside folders are skipped)."})
    List<String> files = new ArrayList<>();

    /** The one file (or -) of a single-file or text share; null with several files or a folder. */
    @Nullable String file;

    /** Several files or a folder: one share with a manifest (docs/zero-knowledge-format.md, "Several files"). */
    boolean several;

    private @Nullable FilesInput packed;

    @Option(names = "--text", description = "Share text (read from standard input, or from FILE) rather than a file.")
    boolean text;

    @Option(names = "--views", paramLabel = "N", description = "Views before it burns: 1..1000, or 'unlimited' (signed in). Default 1.")
    @Nullable String views;

    @Option(names = "--expires", paramLabel = "TIME", description = "Lifetime, like 30m, 1h, 2d, 1w. Default: the server's (24h).")
    @Nullable String expires;

    @Mixin
    SecretOptions password = new SecretOptions();

    @Option(names = "--otp", split = ",", paramLabel = "EMAIL", description = "Also require a one-time code mailed to one of these recipients.")
    @Nullable List<String> otpEmails;

    @Option(names = "--view-only", description = "The web page shows it and offers no download (a hint for the browser).")
    boolean viewOnly;

    @Option(names = "--burn-after-failed", paramLabel = "N", description = "Destroy the share after N wrong passwords.")
    @Nullable Integer burnAfterFailed;

    @Option(names = "--label", paramLabel = "NAME", description = "The file name the recipient sees (default: the file's own name).")
    @Nullable String label;

    @Option(names = "--split-key", description = "Print the link without its key, and the key on the next line, to send apart.")
    boolean splitKey;

    @Option(names = "--qr", description = "Also draw the link as a QR code (on stderr).")
    boolean qr;

    @Option(names = "--server-mode", description = "Let the server encrypt (not zero-knowledge; lets it virus-scan files).")
    boolean serverMode;

    @Option(names = "--to", split = ",", paramLabel = "EMAIL", description = {"Signed in: have BAR mail the link to these addresses "
            + "(at most 10).", "A zero-knowledge link is mailed without its key: the key is printed for another channel."})
    @Nullable List<String> mailTo;

    @Option(names = "--note", paramLabel = "TEXT", description = "With --to: a short note in the mail (at most 500 characters, plain text).")
    @Nullable String note;

    @Option(names = "--per-recipient", description = {"Signed in: one link per recipient (2 to 20), the content sealed and uploaded once;",
            "each link has its own key, views and manage link. The recipients come from --to (each mailed",
            "its own link, labelled by address) or --recipients (labels only, nothing mailed)."})
    boolean perRecipient;

    @Option(names = "--recipients", split = ",", paramLabel = "NAME", description = "With --per-recipient: the recipients' labels, "
            + "like alice,bob (no mail).")
    @Nullable List<String> recipientLabels;

    @Option(names = "--json", description = {"Print {link, manageLink, id, expiresAt, maxViews[, key][, mailed]} as JSON on stdout;",
            "with --per-recipient {links: [{label, link[, key][, mailed], manageLink, id}], groupId, expiresAt, maxViews}."})
    boolean json;

    @Option(names = {"-q", "--quiet"}, description = "No progress and no notes on stderr.")
    boolean quiet;

    @Mixin
    ServerOptions server = new ServerOptions();

    SendCommand(Io io) {
        this.io = io;
    }

    @Override
    public Integer call() throws IOException, GeneralSecurityException {
        checkUsage();
        List<String> labels = perRecipient ? recipientLabels() : null;
        List<String> recipients = LinkMail.recipients(labels != null && mailTo != null ? labels : mailTo, note);
        URI base = server.server(io);
        Api api = server.maybeSignedIn(io, base);
        if (labels != null) {
            if (!api.signedIn()) {
                throw new CliFailure(Exit.DENIED, "--per-recipient makes the links from your account: sign in first (bar login, "
                        + "or set BAR_TOKEN); nothing was shared");
            }
            sendPerRecipient(api, policy(true), labels, recipients != null);
            return Exit.OK;
        }
        if (recipients != null && !api.signedIn()) {
            throw new CliFailure(Exit.DENIED, "--to mails the link from your account: sign in first (bar login, or set BAR_TOKEN); "
                    + "nothing was shared");
        }
        Map<String, Object> policy = policy(api.signedIn());
        char[] secret = password.read(io, false, password.prompt != null, "Password for the share");
        Created created;
        try {
            created = serverMode ? sendServerMode(api, policy, secret) : sendZeroKnowledge(api, policy, secret);
        } finally {
            if (secret != null) {
                Arrays.fill(secret, '\0');
            }
        }
        LinkMail.Sent mailed = recipients == null ? null : mail(api, created, recipients);
        print(created, mailed);
        return Exit.OK;
    }

    private void checkUsage() throws IOException {
        password.check();
        checkPerRecipient();
        several = files.size() > 1 || (files.size() == 1 && Files.isDirectory(Path.of(files.get(0))));
        file = files.size() == 1 && !several ? files.get(0) : null;
        if (several) {
            checkSeveral();
            return;
        }
        if (file == null && !text) {
            throw CliFailure.usage("what to send? Give a FILE, - for standard input, or --text to read text from standard input");
        }
        boolean fromStdin = file == null || file.equals("-");
        if (fromStdin && password.stdin) {
            throw CliFailure.usage("standard input carries the content: give the password with --password-file or --password-env");
        }
        if (text && label != null) {
            throw CliFailure.usage("--label names a file; a text share has no name");
        }
        if (serverMode && splitKey) {
            throw CliFailure.usage("--split-key needs a key: a --server-mode share has none");
        }
        if (!fromStdin) {
            SecretOptions.requireFile(file);
        }
    }

    /** What cannot go with one link per recipient: each link is its recipient's own secret, made here. */
    private void checkPerRecipient() {
        if (!perRecipient) {
            if (recipientLabels != null) {
                throw CliFailure.usage("--recipients names the recipients of --per-recipient: add --per-recipient");
            }
            return;
        }
        if (mailTo == null && recipientLabels == null) {
            throw CliFailure.usage("--per-recipient needs its recipients: --to a@example.com,b@example.com (each mailed its link) "
                    + "or --recipients alice,bob (labels only)");
        }
        if (mailTo != null && recipientLabels != null) {
            throw CliFailure.usage("give the recipients once: --to (mailed, labelled by address) or --recipients (labels only)");
        }
        String refused = password.given() ? "a password (--password…)" : otpEmails != null ? "--otp"
                : serverMode ? "--server-mode" : label != null ? "--label" : qr ? "--qr" : null;
        if (refused != null) {
            throw CliFailure.usage("--per-recipient cannot go with " + refused + ": each recipient's link is its own secret, "
                    + "encrypted here and labelled with its recipient, one link per line; nothing was shared");
        }
    }

    private List<String> recipientLabels() {
        return mailTo != null ? PerRecipient.labels(mailTo, "--to") : PerRecipient.labels(recipientLabels, "--recipients");
    }

    private void checkSeveral() throws IOException {
        if (files.contains("-")) {
            throw CliFailure.usage("- (standard input) cannot be sent together with other files: send it on its own");
        }
        if (text) {
            throw CliFailure.usage("--text sends one text: give one FILE, or leave --text out to send the files");
        }
        if (label != null) {
            throw CliFailure.usage("--label names one file; several files keep their own names");
        }
        if (serverMode) {
            throw CliFailure.usage("--server-mode keeps one file per share: send the files without it (zero-knowledge, one share),"
                    + " or one by one");
        }
        packed = FilesInput.collect(files, io.err());
    }

    private Map<String, Object> policy(boolean signedIn) {
        Map<String, Object> policy = new LinkedHashMap<>();
        if (expires != null) {
            policy.put("expiresIn", Durations.parseSeconds(expires, "--expires"));
        }
        if (views != null) {
            if (views.equalsIgnoreCase("unlimited")) {
                if (!signedIn) {
                    throw CliFailure.usage("--views unlimited is for signed-in users: run bar login first");
                }
                policy.put("unlimitedViews", true);
            } else if (views.matches("[0-9]{1,4}")) {
                policy.put("maxViews", Integer.parseInt(views));
            } else {
                throw CliFailure.usage("--views must be a number 1..1000 or 'unlimited', was '" + views + "'");
            }
        }
        if (otpEmails != null && !otpEmails.isEmpty()) {
            policy.put("requireOtp", true);
            policy.put("otpEmails", otpEmails.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
        if (viewOnly) {
            policy.put("viewOnly", true);
        }
        if (burnAfterFailed != null) {
            policy.put("burnAfterFailedAttempts", burnAfterFailed);
        }
        return policy;
    }

    /** What a send made: the share's answer and, zero-knowledge, its link key. */
    record Created(JsonNode share, byte @Nullable [] linkKey) {
        @Override
        public String toString() {
            return "Created[hidden]";
        }
    }

    private Created sendZeroKnowledge(Api api, Map<String, Object> policy, char @Nullable [] secret)
            throws IOException, GeneralSecurityException {
        byte[] linkKey = ShareKeys.newLinkKey();
        ShareKeys keys = secret == null ? ShareKeys.derive(linkKey) : ShareKeys.derive(linkKey, secret);
        policy.put("zeroKnowledge", true);
        policy.put("linkVerifier", keys.linkVerifier());
        if (keys.passwordBound()) {
            policy.put("accessVerifier", keys.accessVerifier());
        }
        byte[] contentKey = keys.contentKey();
        try {
            return new Created(seal(api, policy, contentKey, keys.passwordBound()), linkKey);
        } finally {
            Arrays.fill(contentKey, (byte) 0);
        }
    }

    /** Seals the content once with {@code contentKey} and creates the share (a text's container inline, else uploaded). */
    private JsonNode seal(Api api, Map<String, Object> policy, byte[] contentKey, boolean passwordBound) throws IOException {
        FilesInput input = packed;
        if (input != null) {
            String metadata = input.manifest().toJson();
            long length = SealingStream.containerSize(input.manifest().size(), metadata.getBytes(StandardCharsets.UTF_8).length);
            if (!quiet) {
                io.err().println("Sending " + input.manifest().files().size() + " files (" + input.manifest().size()
                        + " bytes) in one share.");
            }
            return upload(api, policy, new SealingStream(input.content(), contentKey, passwordBound, metadata), length);
        }
        if (text) {
            byte[] head = input().readNBytes(TEXT_LIMIT + 1);
            String metadata = Metadata.text();
            if (head.length <= TEXT_LIMIT) {
                String encoded = sealText(head, contentKey, passwordBound);
                Arrays.fill(head, (byte) 0);
                if (encoded.length() <= TEXT_LIMIT) {
                    policy.put("kind", "text");
                    policy.put("text", encoded);
                    return api.createShare(policy);
                }
            }
            // too long for a text share: the browser sends such texts as a file share too
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(head), input());
            return upload(api, policy, new SealingStream(all, contentKey, passwordBound, metadata), -1);
        }
        String metadata = Metadata.file(name(), contentType(), size());
        long length = size() < 0 ? -1 : SealingStream.containerSize(size(), metadata.getBytes(StandardCharsets.UTF_8).length);
        return upload(api, policy, new SealingStream(input(), contentKey, passwordBound, metadata), length);
    }

    /** A text as a zero-knowledge text share carries it: the sealed container in base64url (create.mjs). */
    static String sealText(byte[] text, byte[] contentKey, boolean passwordBound) throws IOException {
        byte[] container;
        try (SealingStream sealed = new SealingStream(new ByteArrayInputStream(text), contentKey, passwordBound, Metadata.text())) {
            container = sealed.readAllBytes();
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(container);
    }

    /** Mails the new share's link; when the server refuses, the share is burned so that nothing half-done stays. */
    private LinkMail.Sent mail(Api api, Created created, List<String> recipients) {
        String id = created.share().path("id").asString();
        try {
            return LinkMail.send(io, api, id, recipients, note);
        } catch (CliFailure e) {
            burnQuietly(api, created.share());
            throw new CliFailure(e.exitCode(), e.getMessage() + "; nothing was shared (the new share was deleted)", e);
        }
    }

    /**
     * One link per recipient: a fresh link key each, the content sealed once under the group's
     * content key, one share answer listing every recipient's link; with {@code --to} each
     * address is mailed its own link (without its key) through that link's own share id.
     */
    private void sendPerRecipient(Api api, Map<String, Object> policy, List<String> labels, boolean mailEach)
            throws IOException, GeneralSecurityException {
        try (PerRecipient group = PerRecipient.keys(labels)) {
            policy.put("zeroKnowledge", true);
            policy.put("recipients", group.entries());
            JsonNode share = seal(api, policy, group.contentKey(), false);
            List<PerRecipient.Link> links;
            try {
                links = group.links(share);
            } catch (CliFailure e) {
                burnQuietly(api, share);
                throw e;
            }
            List<LinkMail.Sent> mailed = mailEach ? mailEach(api, share, links) : null;
            printGroup(share, links, mailed);
        }
    }

    /** Mails each recipient's address its own link; when the server refuses one, every link is burned. */
    private List<LinkMail.Sent> mailEach(Api api, JsonNode share, List<PerRecipient.Link> links) {
        List<LinkMail.Sent> sent = new ArrayList<>();
        for (PerRecipient.Link link : links) {
            try {
                sent.add(LinkMail.send(io, api, link.id(), List.of(link.label()), note));
            } catch (CliFailure e) {
                burnQuietly(api, share);
                throw new CliFailure(e.exitCode(), e.getMessage() + "; nothing was shared (the new links were deleted"
                        + (sent.isEmpty() ? ")" : "; the " + sent.size() + " mail(s) already queued name links that no longer open)"),
                        e);
            }
        }
        return sent;
    }

    private Created sendServerMode(Api api, Map<String, Object> policy, char @Nullable [] secret) throws IOException {
        if (secret != null) {
            policy.put("password", secret);
        }
        if (text) {
            byte[] bytes = input().readNBytes(SERVER_TEXT_LIMIT + 1);
            if (bytes.length > SERVER_TEXT_LIMIT) {
                throw CliFailure.usage("the text is larger than 1 MiB: send it as a file");
            }
            policy.put("kind", "text");
            policy.put("text", Metadata.utf8(bytes));
            Arrays.fill(bytes, (byte) 0);
            return new Created(api.createShare(policy), null);
        }
        policy.put("filename", name());
        return new Created(upload(api, policy, input(), size()), null);
    }

    /** Creates a file share and streams its content up; on any failure burns it, so nothing half-made stays. */
    private JsonNode upload(Api api, Map<String, Object> policy, InputStream body, long length) {
        policy.put("kind", "file");
        JsonNode share = api.createShare(policy);
        String id = share.path("id").asString();
        String manageToken = share.path("manageToken").asString();
        MarkedInput tracked = new MarkedInput(body, e -> e);
        try (Progress progress = Progress.start(io, quiet, "Uploading", length)) {
            api.upload(id, manageToken, progress.counting(tracked), length);
            return share;
        } catch (CliFailure e) {
            burnQuietly(api, share);
            IOException failure = tracked.failure();
            if (failure != null) {
                throw new CliFailure(Exit.USAGE, "reading the input failed (" + failure.getMessage() + "); nothing was shared",
                        failure);
            }
            if (e.exitCode() == Exit.FAILED) {
                throw new CliFailure(Exit.FAILED, "the upload failed (" + cause(e)
                        + "): nothing was shared (the incomplete share was deleted); run the command again", e);
            }
            throw e;
        }
    }

    private static String cause(CliFailure e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    /** Burns the new share, or each link of per-recipient links, so that nothing half-made stays. */
    private static void burnQuietly(Api api, JsonNode share) {
        for (String[] member : PerRecipient.members(share)) {
            try {
                api.burn(member[0], member[1]);
            } catch (CliFailure ignored) {
                // an upload that never completed is not openable (404) and the server's upload window removes it
            }
        }
    }

    private InputStream input() throws IOException {
        return file == null || file.equals("-") ? io.in() : Files.newInputStream(Path.of(file));
    }

    private long size() throws IOException {
        return file == null || file.equals("-") ? -1 : Files.size(Path.of(file));
    }

    private @Nullable String name() {
        if (label != null) {
            return label;
        }
        return file == null || file.equals("-") ? null : PlaintextOutput.fileName(Path.of(file));
    }

    private @Nullable String contentType() throws IOException {
        if (file == null || file.equals("-")) {
            return null;
        }
        String type = Files.probeContentType(Path.of(file));
        return type != null ? type : java.net.URLConnection.guessContentTypeFromName(PlaintextOutput.fileName(Path.of(file)));
    }

    private void print(Created created, LinkMail.@Nullable Sent mailed) {
        JsonNode share = created.share();
        String shareUrl = share.path("shareUrl").asString();
        String key = created.linkKey() == null ? null : ShareLink.encodeKey(created.linkKey());
        // a mailed zero-knowledge link went without its key: the key alone goes another way, as --split-key prints it
        boolean apart = key != null && (splitKey || (mailed != null && !mailed.keyIncluded()));
        String link = key == null || apart ? shareUrl : shareUrl + "#" + key;
        String manageLink = shareUrl + "#manage=" + share.path("manageToken").asString();
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("link", link);
            if (apart) {
                out.put("key", key);
            }
            if (mailed != null) {
                out.put("mailed", mailed.queued());
            }
            out.put("manageLink", manageLink);
            out.put("id", share.path("id").asString());
            out.put("expiresAt", share.path("expiresAt").asString());
            out.put("maxViews", share.path("maxViews").isNull() ? null : share.path("maxViews").asInt());
            io.out().println(Api.JSON.writeValueAsString(out));
        } else {
            io.out().println(link);
            if (apart) {
                io.out().println(key);
            }
        }
        io.out().flush();
        if (qr) {
            io.err().print(QrCode.render(link));
        }
        if (!quiet && !json) {
            if (mailed != null) {
                io.err().println(LinkMail.note(mailed));
            } else if (apart) {
                io.err().println("The first line is the link, the second its key: send them by different channels.");
            }
            io.err().println("Manage link (keep it; bar burn MANAGE-LINK destroys the share): " + manageLink);
            io.err().println("Expires " + share.path("expiresAt").asString() + "; " + (share.path("maxViews").isNull()
                    ? "unlimited views" : share.path("maxViews").asInt() + " view(s)") + ".");
        }
        io.err().flush();
    }

    /**
     * Per-recipient links: one line per recipient, its label and whole link (tab-separated), or
     * with --to or --split-key its label, link without the key and key; the manage links on stderr.
     */
    private void printGroup(JsonNode share, List<PerRecipient.Link> links, @Nullable List<LinkMail.Sent> mailed) {
        boolean apart = splitKey || (mailed != null && !mailed.get(0).keyIncluded());
        String expiresAt = share.path("expiresAt").asString();
        Integer maxViews = share.path("maxViews").isNull() ? null : share.path("maxViews").asInt();
        if (json) {
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < links.size(); i++) {
                PerRecipient.Link link = links.get(i);
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("label", link.label());
                entry.put("link", apart ? link.shareUrl() : link.shareUrl() + "#" + link.key());
                if (apart) {
                    entry.put("key", link.key());
                }
                if (mailed != null) {
                    entry.put("mailed", mailed.get(i).queued());
                }
                entry.put("manageLink", link.manageLink());
                entry.put("id", link.id());
                entries.add(entry);
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("links", entries);
            out.put("groupId", share.path("groupId").asString());
            out.put("expiresAt", expiresAt);
            out.put("maxViews", maxViews);
            io.out().println(Api.JSON.writeValueAsString(out));
        } else {
            for (PerRecipient.Link link : links) {
                io.out().println(link.label() + "\t" + (apart ? link.shareUrl() + "\t" + link.key() : link.shareUrl() + "#" + link.key()));
            }
        }
        io.out().flush();
        if (!quiet && !json) {
            if (mailed != null) {
                io.err().println("Mailed each of the " + links.size() + " recipients their own link without its key. Each line is a "
                        + "recipient, their link and its key: give each key to its recipient another way (a message, a call).");
            } else if (apart) {
                io.err().println("Each line is a recipient, their link and its key: send link and key by different channels.");
            } else {
                io.err().println("Each line is a recipient and their own link: give each link to its recipient only.");
            }
            io.err().println("Manage links (keep them; bar burn MANAGE-LINK destroys that recipient's link only):");
            for (PerRecipient.Link link : links) {
                io.err().println("  " + link.label() + "\t" + link.manageLink());
            }
            io.err().println("Expires " + expiresAt + "; " + (maxViews == null ? "unlimited views" : maxViews + " view(s)")
                    + " for each link.");
        }
        io.err().flush();
    }
}
