package app.bar.share.core;

import app.bar.crypto.MasterKeySeal;
import app.bar.crypto.SealedSecret;
import app.bar.crypto.WrongSecretException;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.share.ShareId;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * An owner's label for a share (issue 13 item 9): a short line only its owner sees, on the
 * dashboard and in the owner's mails, never in a recipient's answer, a log or an event. Stored
 * sealed under the master key ring ({@link MasterKeySeal}, purpose {@code share-label:<shareId>},
 * so a sealed label copied to another share does not open): the database holds ciphertext and
 * the key id only. Unlike the share's secrets it stays on the tombstone, where it still names the
 * share for its owner, and goes with the row.
 */
@Component
public class ShareLabels {

    private static final Logger log = LoggerFactory.getLogger(ShareLabels.class);

    /** At most this many characters (code points). */
    public static final int MAX_LENGTH = 100;
    static final String FIELD = "label";

    private final JdbcClient jdbc;
    private final MasterKeySeal seal;

    ShareLabels(JdbcClient jdbc, MasterKeySeal seal) {
        this.jdbc = jdbc;
        this.seal = seal;
    }

    /**
     * The label as stored: trimmed and NFC-normalised; blank means none. More than
     * {@link #MAX_LENGTH} characters is {@code field.size}, a control or formatting character
     * (line breaks, bidirectional overrides) {@code field.format}; both 400s naming {@code label}.
     */
    public static @Nullable String validate(@Nullable String raw) {
        return validate(raw, FIELD);
    }

    /** The same rules for a label sent as {@code field} (a recipient's: {@code recipients[2].label}). */
    public static @Nullable String validate(@Nullable String raw, String field) {
        if (raw == null) {
            return null;
        }
        if (raw.length() > MAX_LENGTH * 4) { // before normalising an arbitrarily long input
            throw tooLong(field);
        }
        String label = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (label.isEmpty()) {
            return null;
        }
        if (label.codePointCount(0, label.length()) > MAX_LENGTH) {
            throw tooLong(field);
        }
        if (label.codePoints().anyMatch(ShareLabels::notPrintable)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, field,
                    "must be one line of text without control or formatting characters");
        }
        return label;
    }

    private static BarProblem.Invalid tooLong(String field) {
        return new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, field, "must be at most " + MAX_LENGTH + " characters",
                null, (long) MAX_LENGTH);
    }

    private static boolean notPrintable(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE;
    }

    /** Sets (or, with null, removes) a share's label, already {@link #validate validated}; false when the row is gone. */
    public boolean save(ShareId id, @Nullable String label) {
        SealedSecret sealed = label == null ? null : seal.seal(purpose(id), label.getBytes(StandardCharsets.UTF_8));
        return jdbc.sql("update shares set label_kid = :kid, label_sealed = :sealed where id = :id")
                .param("id", id.value()).param("kid", sealed == null ? null : sealed.kid())
                .param("sealed", sealed == null ? null : sealed.value()).update() == 1;
    }

    /** A share's label, if it has one (and it still opens). */
    public Optional<String> find(ShareId id) {
        return jdbc.sql("select label_kid, label_sealed from shares where id = :id and label_sealed is not null")
                .param("id", id.value())
                .query((rs, n) -> new SealedSecret(rs.getString("label_kid"), rs.getString("label_sealed")))
                .optional().flatMap(sealed -> open(id, sealed));
    }

    /** The labels of an owner's shares, by share id. */
    public Map<String, String> ofOwner(String ownerId) {
        Map<String, String> labels = new HashMap<>();
        jdbc.sql("select id, label_kid, label_sealed from shares where owner_id = :o and label_sealed is not null")
                .param("o", ownerId).query((rs, n) -> {
                    ShareId id = new ShareId(rs.getString("id"));
                    open(id, new SealedSecret(rs.getString("label_kid"), rs.getString("label_sealed")))
                            .ifPresent(label -> labels.put(id.value(), label));
                    return id;
                }).list();
        return labels;
    }

    /** A label that does not open (its master key left the ring, or it was altered) reads as none, and is logged. */
    private Optional<String> open(ShareId id, SealedSecret sealed) {
        try {
            return Optional.of(new String(seal.open(purpose(id), sealed), StandardCharsets.UTF_8));
        } catch (WrongSecretException | NoSuchElementException e) {
            log.warn("share.label_unreadable kid={} error={}", sealed.kid(), e.getClass().getSimpleName());
            return Optional.empty();
        }
    }

    /** The master key id new labels are sealed under. */
    public String newestKid() {
        return seal.newestKid();
    }

    /** Labels sealed under another master key than {@code kid} (for {@code rewrap}). */
    public List<ShareId> notUnder(String kid, int limit) {
        return jdbc.sql("select id from shares where label_sealed is not null and label_kid <> :kid order by id limit :limit")
                .param("kid", kid).param("limit", limit).query((rs, n) -> new ShareId(rs.getString("id"))).list();
    }

    /**
     * Seals a share's label again under the newest master key, if it still holds the value read
     * (a conditional update: safe next to an owner's edit and to run twice). False when nothing moved.
     */
    public boolean rewrap(ShareId id) {
        return jdbc.sql("select label_kid, label_sealed from shares where id = :id and label_sealed is not null")
                .param("id", id.value())
                .query((rs, n) -> new SealedSecret(rs.getString("label_kid"), rs.getString("label_sealed")))
                .optional().map(old -> seal.rewrap(purpose(id), old).map(next -> jdbc.sql("""
                        update shares set label_kid = :kid, label_sealed = :next
                        where id = :id and label_kid = :oldKid and label_sealed = :old""")
                        .param("id", id.value()).param("kid", next.kid()).param("next", next.value())
                        .param("oldKid", old.kid()).param("old", old.value()).update() == 1).orElse(false))
                .orElse(false);
    }

    private static String purpose(ShareId id) {
        return "share-label:" + id.value();
    }
}
