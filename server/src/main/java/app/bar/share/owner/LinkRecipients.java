package app.bar.share.owner;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the owner sends to mail a share's link (issue 18 item 4): the addresses and the note, checked. */
final class LinkRecipients {

    /** Recipients per request (after removing duplicates); the route's rate limit bounds requests. */
    static final int MAX_RECIPIENTS = 10;
    /** An address's length (RFC 5321's path limit less the brackets). */
    static final int MAX_ADDRESS = 254;
    /** The note's length in characters. */
    static final int MAX_NOTE = 500;

    private LinkRecipients() {
    }

    /**
     * The addresses, each one plain address (no name, no list, no line break: nothing that could
     * add a header), checked strictly by Jakarta Mail, duplicates (ignoring case) removed, 1 to
     * {@link #MAX_RECIPIENTS}. Hand-written around {@link InternetAddress}: it parses one address,
     * the rules on top are BAR's.
     */
    static List<String> addresses(@Nullable List<@Nullable String> to) {
        if (to == null || to.isEmpty()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "to", "must name at least one address");
        }
        if (to.size() > MAX_RECIPIENTS * 4) { // before parsing an arbitrarily long list
            throw tooMany();
        }
        Map<String, String> unique = new LinkedHashMap<>();
        for (int i = 0; i < to.size(); i++) {
            String address = address(to.get(i), "to[" + i + "]");
            unique.putIfAbsent(address.toLowerCase(Locale.ROOT), address);
        }
        if (unique.size() > MAX_RECIPIENTS) {
            throw tooMany();
        }
        return List.copyOf(unique.values());
    }

    private static BarProblem.Invalid tooMany() {
        return new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "to", "must name at most " + MAX_RECIPIENTS + " addresses",
                1L, (long) MAX_RECIPIENTS);
    }

    private static String address(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, field, "must be an email address");
        }
        String address = raw.strip();
        if (address.length() > MAX_ADDRESS) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, field, "must be at most " + MAX_ADDRESS + " characters",
                    null, (long) MAX_ADDRESS);
        }
        if (address.chars().anyMatch(c -> c < 0x21 || c == 0x7f || c == ',' || c == ';' || c == '<' || c == '>'
                || c == '"' || c == '(' || c == ')')) {
            throw notAnAddress(field);
        }
        try {
            InternetAddress parsed = new InternetAddress(address, true);
            parsed.validate();
            if (parsed.getPersonal() != null || !address.equals(parsed.getAddress()) || address.indexOf('@') < 1) {
                throw notAnAddress(field);
            }
        } catch (AddressException e) {
            throw notAnAddress(field);
        }
        return address;
    }

    private static BarProblem.Invalid notAnAddress(String field) {
        return new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, field, "must be one plain email address (name@example.com)");
    }

    /** The note, trimmed and NFC-normalised; line breaks allowed (the mail shows it on one line), no other control characters. */
    static @Nullable String note(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_NOTE * 4) {
            throw noteTooLong();
        }
        String note = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (note.isEmpty()) {
            return null;
        }
        if (note.codePointCount(0, note.length()) > MAX_NOTE) {
            throw noteTooLong();
        }
        if (note.codePoints().anyMatch(c -> c != '\n' && c != '\r' && c != '\t'
                && (Character.getType(c) == Character.CONTROL || Character.getType(c) == Character.FORMAT))) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "note", "must be text without control or formatting characters");
        }
        return note;
    }

    private static BarProblem.Invalid noteTooLong() {
        return new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "note", "must be at most " + MAX_NOTE + " characters",
                null, (long) MAX_NOTE);
    }
}
