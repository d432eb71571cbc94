package app.bar.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * {@code bar send --to}: the server mails the share's link ({@code POST /api/shares/{id}/mail},
 * docs/shares.md "Mailing the link"). It knows the link only as {@code /s/{id}}, so a
 * zero-knowledge link goes without its key, which the sender passes on another way — as the
 * browser's share-mail.mjs shows it. The addresses are checked here first, loosely, so that an
 * obvious mistake is refused before a share exists; the server's strict check has the last word.
 */
final class LinkMail {

    static final int MAX_RECIPIENTS = 10;
    static final int MAX_ADDRESS = 254;
    static final int MAX_NOTE = 500;

    /** What the server answered: how many mails were queued, and whether the mailed link opens the share by itself. */
    record Sent(int queued, boolean keyIncluded) {
    }

    private LinkMail() {
    }

    /**
     * The addresses of {@code --to} (split at commas, blanks dropped, duplicates ignoring case
     * removed), or null without {@code --to}; a usage failure for what the server would refuse anyway.
     */
    static @Nullable List<String> recipients(@Nullable List<String> to, @Nullable String note) {
        if (to == null) {
            if (note != null) {
                throw CliFailure.usage("--note goes with --to: it is the note of the mail");
            }
            return null;
        }
        List<String> addresses = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String entry : to) {
            String address = entry.strip();
            if (address.isEmpty()) {
                continue;
            }
            if (address.length() > MAX_ADDRESS || !address.matches("[^\\s@,;<>()\"\\\\]+@[^\\s@,;<>()\"\\\\]+\\.[^\\s@,;<>()\"\\\\.]+")) {
                throw CliFailure.usage("--to: '" + RequestCommand.printable(address) + "' is not one plain address like a@example.com "
                        + "(no names, no brackets; separate several with commas); nothing was shared");
            }
            if (seen.add(address.toLowerCase(Locale.ROOT))) {
                addresses.add(address);
            }
        }
        if (addresses.isEmpty()) {
            throw CliFailure.usage("--to needs at least one address, like --to a@example.com,b@example.com");
        }
        if (addresses.size() > MAX_RECIPIENTS) {
            throw CliFailure.usage("--to takes at most " + MAX_RECIPIENTS + " addresses, was " + addresses.size());
        }
        if (note != null && (note.length() > MAX_NOTE || note.chars().anyMatch(Character::isISOControl))) {
            throw CliFailure.usage("--note is one line of at most " + MAX_NOTE + " characters");
        }
        return addresses;
    }

    /** Asks the server to mail share {@code id}'s link; the mails go in the user's language when the server has it. */
    static Sent send(Io io, Api api, String id, List<String> recipients, @Nullable String note) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", recipients);
        if (note != null && !note.isBlank()) {
            body.put("note", note.strip());
        }
        String language = io.language();
        if (language != null) {
            body.put("language", language);
        }
        JsonNode answer = api.mailLink(id, body);
        return new Sent(answer.path("queued").asInt(), answer.path("keyIncluded").asBoolean());
    }

    /** The line for stderr: what went, and — for a zero-knowledge link — what the sender still has to pass on. */
    static String note(Sent sent) {
        String mailed = "Mailed the link to " + sent.queued() + (sent.queued() == 1 ? " address" : " addresses");
        return sent.keyIncluded() ? mailed + "; it opens the share by itself."
                : mailed + " without its key. The second line is the key: give it to them another way (a message, a call); "
                        + "they paste it when the page asks.";
    }
}
