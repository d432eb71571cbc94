package app.bar.share.create;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.share.ShareCodes;
import app.bar.share.core.ShareLabels;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The validated {@code recipients} of {@code POST /api/shares} (issue 18 item 3): one link per
 * recipient, each an ordinary share of the same group. Only a signed-in creator of a
 * zero-knowledge share may ask for them; no password, access key or one-time code goes with them
 * (each recipient's link is its own secret), nor a top-level {@code linkVerifier} or
 * {@code label} (each recipient brings its own). Field problems name {@code recipients[i].label}
 * and so on.
 */
record RecipientLinks(List<Link> links) {

    static final String FIELD = "recipients";
    static final int MIN = 2;
    static final int MAX = 20;
    /** base64url without padding of 60 bytes: a 12-byte nonce, the 32-byte content key, a 16-byte tag. */
    private static final Pattern WRAPPED_KEY = Pattern.compile("[A-Za-z0-9_-]{80}");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** One recipient's link, validated: the label as stored (trimmed, NFC). */
    record Link(String label, String linkVerifier, String wrappedKey) {
        @Override
        public String toString() {
            return "Link[hidden]";
        }
    }

    /** The recipients of {@code r}, or null when it asks for one link as usual. */
    static @Nullable RecipientLinks of(CreateShareRequest r, boolean signedIn) {
        List<CreateShareRequest.Recipient> recipients = r.recipients();
        if (recipients == null) {
            return null;
        }
        checkPolicy(r, signedIn);
        if (recipients.size() < MIN || recipients.size() > MAX) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, FIELD, "must list " + MIN + " to " + MAX + " recipients",
                    (long) MIN, (long) MAX);
        }
        List<Link> links = new ArrayList<>(recipients.size());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < recipients.size(); i++) {
            Link link = link(recipients.get(i), FIELD + "[" + i + "]");
            if (!seen.add(caseFolded(link.label()))) {
                throw new BarProblem.Invalid(ProblemCodes.FIELD_INVALID, FIELD + "[" + i + "].label",
                        "must differ from every other recipient's label (ignoring case)");
            }
            links.add(link);
        }
        return new RecipientLinks(List.copyOf(links));
    }

    private static void checkPolicy(CreateShareRequest r, boolean signedIn) {
        if (!signedIn) {
            throw new BarProblem.Invalid(ShareCodes.SIGNED_IN_ONLY, FIELD, "only signed-in users may make per-recipient links");
        }
        if (!Boolean.TRUE.equals(r.zeroKnowledge())) {
            throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, FIELD,
                    "is only for zero-knowledge shares (zeroKnowledge: true)");
        }
        if (r.password() != null || r.accessVerifier() != null || Boolean.TRUE.equals(r.requireOtp())) {
            throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, FIELD,
                    "cannot go with password, accessVerifier or requireOtp: each recipient's link is its own secret");
        }
        if (r.linkVerifier() != null) {
            throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, "linkVerifier",
                    "must be absent with recipients: each recipient sends its own");
        }
        if (r.label() != null) {
            throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, "label",
                    "must be absent with recipients: each link is labelled with its recipient's label");
        }
    }

    private static Link link(CreateShareRequest.@Nullable Recipient recipient, String field) {
        if (recipient == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, field, "must be a recipient {label, linkVerifier, wrappedKey}");
        }
        String label = ShareLabels.validate(recipient.label(), field + ".label");
        if (label == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, field + ".label",
                    "is required: 1 to " + ShareLabels.MAX_LENGTH + " characters naming the recipient");
        }
        String verifier = required(recipient.linkVerifier(), field + ".linkVerifier", VERIFIER,
                "must be base64url (no padding) of a 32-byte SHA-256 digest");
        String wrappedKey = required(recipient.wrappedKey(), field + ".wrappedKey", WRAPPED_KEY,
                "must be base64url (no padding) of exactly 60 bytes (80 characters)");
        return new Link(label, verifier, wrappedKey);
    }

    private static String required(@Nullable String value, String field, Pattern shape, String rule) {
        if (value == null || value.isEmpty()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, field, "is required");
        }
        if (!shape.matcher(value).matches()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, field, rule);
        }
        return value;
    }

    /** Full case folding is more than Java offers; upper then lower case covers ß/SS and the Greek sigmas. */
    private static String caseFolded(String label) {
        return label.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
