package app.bar.cli;

import app.bar.format.RecipientKeys;
import app.bar.format.ShareKeys;
import java.security.GeneralSecurityException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar send --per-recipient} (issue 18 item 5): one link per recipient
 * (docs/zero-knowledge-format.md, "Per-recipient links"), as the browser's create.mjs and
 * recipient-keys.mjs make them. The content is sealed once under a random content key; each
 * recipient gets a fresh link key, whose verifier and wrap of the content key go to the server
 * as {@code recipients: [{label, linkVerifier, wrappedKey}]}. The labels are the {@code --to}
 * addresses or the {@code --recipients} names, checked here by the server's rules (trimmed, NFC,
 * 1 … 100 characters, one line, different ignoring case) before anything is created.
 */
final class PerRecipient implements AutoCloseable {

    static final int MIN = 2;
    static final int MAX = 20;
    static final int MAX_LABEL = 100;

    /** One recipient: the label and its link key (secret: never printed by toString). */
    record Recipient(String label, byte[] linkKey) {
        @Override
        public String toString() {
            return "Recipient[" + label + "]";
        }
    }

    /** One link the server made for a recipient: its share id, link without key, manage token and link key. */
    record Link(String label, String id, String shareUrl, String manageToken, byte[] linkKey) {
        String key() {
            return ShareLink.encodeKey(linkKey);
        }

        String manageLink() {
            return shareUrl + "#manage=" + manageToken;
        }

        @Override
        public String toString() {
            return "Link[" + id + "]";
        }
    }

    private final byte[] contentKey;
    private final List<Recipient> recipients;

    private PerRecipient(byte[] contentKey, List<Recipient> recipients) {
        this.contentKey = contentKey;
        this.recipients = recipients;
    }

    /** A fresh content key and a fresh link key for each of {@code labels} (already checked by {@link #labels}). */
    static PerRecipient keys(List<String> labels) {
        List<Recipient> recipients = new ArrayList<>(labels.size());
        for (String label : labels) {
            recipients.add(new Recipient(label, ShareKeys.newLinkKey()));
        }
        return new PerRecipient(RecipientKeys.newContentKey(), List.copyOf(recipients));
    }

    /**
     * The labels as the server will store them (trimmed, NFC), in order; a usage failure for
     * fewer than 2 or more than 20, a blank, a too long or a multi-line one, or two equal ignoring case.
     */
    static List<String> labels(List<String> raw, String option) {
        List<String> labels = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : raw) {
            String label = Normalizer.normalize(entry.strip(), Normalizer.Form.NFC);
            if (label.isEmpty()) {
                continue;
            }
            if (label.codePointCount(0, label.length()) > MAX_LABEL) {
                throw CliFailure.usage(option + ": a recipient's label is at most " + MAX_LABEL + " characters, '"
                        + RequestCommand.printable(label.substring(0, label.offsetByCodePoints(0, 20))) + "…' is longer; nothing was shared");
            }
            if (label.codePoints().anyMatch(PerRecipient::notPrintable)) {
                throw CliFailure.usage(option + ": '" + RequestCommand.printable(label)
                        + "' holds a control or formatting character; nothing was shared");
            }
            if (!seen.add(label.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT))) {
                throw CliFailure.usage(option + ": '" + RequestCommand.printable(label)
                        + "' is given twice (labels must differ, ignoring case); nothing was shared");
            }
            labels.add(label);
        }
        if (labels.size() < MIN || labels.size() > MAX) {
            throw CliFailure.usage("--per-recipient makes " + MIN + " to " + MAX + " links, " + option + " gave " + labels.size()
                    + "; nothing was shared");
        }
        return labels;
    }

    /** As the server's label rule: no control, formatting, separator-line or unassigned characters. */
    private static boolean notPrintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.UNASSIGNED || type == Character.SURROGATE
                || type == Character.PRIVATE_USE;
    }

    /** The content key the one container is sealed with (this object's own array: zeroed by {@link #close}). */
    byte[] contentKey() {
        return contentKey;
    }

    /** What {@code POST /api/shares} is sent in {@code recipients}: each label with its link verifier and wrapped key. */
    List<Map<String, Object>> entries() throws GeneralSecurityException {
        List<Map<String, Object>> entries = new ArrayList<>(recipients.size());
        for (Recipient recipient : recipients) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("label", recipient.label());
            entry.put("linkVerifier", ShareKeys.derive(recipient.linkKey()).linkVerifier());
            entry.put("wrappedKey", ShareLink.encodeKey(RecipientKeys.wrap(contentKey, recipient.linkKey())));
            entries.add(entry);
        }
        return entries;
    }

    /**
     * The server's links in request order, each with its recipient's link key; a failure when the
     * answer does not list the same recipients (a server that ignored {@code recipients}).
     */
    List<Link> links(JsonNode share) {
        JsonNode members = share.path("recipients");
        if (!members.isArray() || members.size() != recipients.size()) {
            throw CliFailure.failed("the server did not make one link per recipient: is it older than this bar? "
                    + "Burn the share with its manage link: " + share.path("shareUrl").asString() + "#manage="
                    + share.path("manageToken").asString());
        }
        List<Link> links = new ArrayList<>(recipients.size());
        for (int i = 0; i < recipients.size(); i++) {
            JsonNode member = members.get(i);
            Recipient recipient = recipients.get(i);
            if (!recipient.label().equals(member.path("label").asString())) {
                throw CliFailure.failed("the server's links are not in the order of the recipients; nothing is printed");
            }
            links.add(new Link(recipient.label(), member.path("id").asString(), member.path("shareUrl").asString(),
                    member.path("manageToken").asString(), recipient.linkKey()));
        }
        return links;
    }

    /** The ids and manage tokens of every link of {@code share}: the members of a group, else the share itself. */
    static List<String[]> members(JsonNode share) {
        List<String[]> members = new ArrayList<>();
        JsonNode recipients = share.path("recipients");
        if (recipients.isArray() && !recipients.isEmpty()) {
            for (JsonNode member : recipients) {
                members.add(new String[] {member.path("id").asString(), member.path("manageToken").asString()});
            }
        } else {
            members.add(new String[] {share.path("id").asString(), share.path("manageToken").asString()});
        }
        return members;
    }

    @Override
    public void close() {
        Arrays.fill(contentKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "PerRecipient[hidden]";
    }
}
