package app.bar.share.guard;

import app.bar.crypto.DataKey;
import app.bar.mail.CatalogueMail;
import app.bar.mail.Mailer;
import app.bar.platform.SqlTime;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.ratelimit.RateLimiter;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.platform.secrets.StrongRandom;
import app.bar.share.ShareId;
import app.bar.share.ShareProperties;
import app.bar.share.core.ShareMeters;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Email one-time codes for {@code requireOtp} shares (ASVS 6.5.x): 6 digits from SecureRandom,
 * valid {@code otp-ttl} (10 min), {@code otp-max-attempts} (5) tries, single use, stored as a
 * hash bound to the share and recipient. Recipients are stored as MACs under the share's data key:
 * the share never holds the addresses, and once its key is destroyed nothing tests a guess. Asking for a code answers the same whether or not the address is listed.
 */
@Component
public class OtpService {

    private static final int CODE_DIGITS = 6;
    private static final CatalogueMail MAIL = CatalogueMail.subject("mail.otp.subject")
            .paragraph("mail.otp.body").paragraph("mail.otp.validity");

    private final JdbcClient jdbc;
    private final Mailer mailer;
    private final RateLimiter limiter;
    private final ShareMeters meters;
    private final ShareProperties properties;
    private final Clock clock;

    OtpService(JdbcClient jdbc, Mailer mailer, RateLimiter limiter, ShareMeters meters, ShareProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.mailer = mailer;
        this.limiter = limiter;
        this.meters = meters;
        this.properties = properties;
        this.clock = clock;
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * A recipient as stored: HMAC-SHA256 of the normalised address under a key derived from the
     * share's data key, so the list dies with the key — a database file or dump keeps no hash an
     * attacker could test addresses against once the share is destroyed (issue 21 item 1).
     */
    static String recipientHash(String shareId, String email, DataKey key) {
        return HexFormat.of().formatHex(key.mac("otp-recipient:" + shareId, normalize(email).getBytes(StandardCharsets.UTF_8)));
    }

    /** How recipients were stored before (SHA-256, no key): still read for shares created then. */
    static String legacyRecipientHash(String shareId, String email) {
        return OpaqueTokens.sha256Hex("bar-otp-recipient:v1:" + shareId + ":" + normalize(email));
    }

    public void saveRecipients(ShareId share, Collection<String> emails, DataKey key) {
        String shareId = share.value();
        emails.stream().map(e -> recipientHash(shareId, e, key)).distinct().forEach(hash -> jdbc.sql(
                "insert into share_otp_recipients (share_id, email_hash) values (:s, :h)")
                .param("s", shareId).param("h", hash).update());
    }

    /**
     * Mails a fresh code when {@code email} is a listed recipient; silent otherwise. The mail is in
     * {@code language}, the recipient's page language (English when null or not offered), never the
     * language of the share's creator.
     */
    @Transactional
    public void sendCode(ShareId share, String email, @Nullable String language, DataKey key) {
        String shareId = share.value();
        String recipient = recipientHash(shareId, email, key);
        if (!limiter.tryConsume("share-otp", properties.otpSendLimit(), shareId + ":" + recipient).isZero()) {
            return; // same answer either way: the limit must not tell a listed address from another
        }
        boolean listed = jdbc.sql("select count(*) from share_otp_recipients where share_id = :s and email_hash in (:h, :old)")
                .param("s", shareId).param("h", recipient).param("old", legacyRecipientHash(shareId, email))
                .query(Integer.class).single() > 0;
        if (!listed) {
            return;
        }
        String code = String.format(Locale.ROOT, "%06d", StrongRandom.current().nextInt(1_000_000));
        Instant now = clock.instant();
        jdbc.sql("delete from share_otps where share_id = :s and email_hash = :h").param("s", shareId)
                .param("h", recipient).update();
        jdbc.sql("""
                insert into share_otps (share_id, email_hash, code_hash, expires_at, attempts, used)
                values (:s, :h, :c, :e, 0, false)""")
                .param("s", shareId).param("h", recipient)
                .param("c", codeHash(shareId, recipient, code.getBytes(StandardCharsets.US_ASCII)))
                .param("e", SqlTime.of(now.plus(properties.otpTtl()))).update();
        mailer.send(MAIL, language, email.strip(), Map.of("code", code, "count", properties.otpTtl().toMinutes()));
        meters.otpSent();
    }

    /**
     * Uses a code: true once for the right, unexpired code within the allowed tries. The code is
     * read from its characters (surrounding blanks ignored) without a {@code String} of it.
     */
    public boolean verify(ShareId share, String email, Password code, DataKey key) {
        byte[] digits = digits(code);
        try {
            return digits != null && verify(share, recipientHash(share.value(), email, key), digits);
        } finally {
            if (digits != null) {
                Arrays.fill(digits, (byte) 0);
            }
        }
    }

    private boolean verify(ShareId share, String recipient, byte[] code) {
        String shareId = share.value();
        Instant now = clock.instant();
        int tried = jdbc.sql("""
                update share_otps set attempts = attempts + 1
                where share_id = :s and email_hash = :h and used = false and expires_at > :now and attempts < :max""")
                .param("s", shareId).param("h", recipient).param("now", SqlTime.of(now))
                .param("max", properties.otpMaxAttempts()).update();
        if (tried != 1) {
            return false;
        }
        Optional<String> stored = jdbc.sql("select code_hash from share_otps where share_id = :s and email_hash = :h")
                .param("s", shareId).param("h", recipient).query(String.class).optional();
        if (stored.isEmpty() || !OpaqueTokens.sameHash(stored.get(), codeHash(shareId, recipient, code))) {
            return false;
        }
        return jdbc.sql("update share_otps set used = true where share_id = :s and email_hash = :h and used = false")
                .param("s", shareId).param("h", recipient).update() == 1;
    }

    public static void requireEmail(@Nullable String email) {
        if (email == null || email.isBlank()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "email",
                    "this share sends a one-time code: give the recipient's email");
        }
    }

    /** The six ASCII digits of a code, blanks around it ignored; null when it is anything else. */
    private static byte @Nullable [] digits(Password code) {
        char[] chars = code.toCharArray();
        try {
            int start = 0;
            int end = chars.length;
            while (start < end && Character.isWhitespace(chars[start])) {
                start++;
            }
            while (end > start && Character.isWhitespace(chars[end - 1])) {
                end--;
            }
            if (end - start != CODE_DIGITS) {
                return null;
            }
            byte[] digits = new byte[CODE_DIGITS];
            for (int i = 0; i < CODE_DIGITS; i++) {
                char c = chars[start + i];
                if (c < '0' || c > '9') {
                    Arrays.fill(digits, (byte) 0);
                    return null;
                }
                digits[i] = (byte) c;
            }
            return digits;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    /** SHA-256 of {@code bar-otp-code:v1:<share>:<recipient>:<digits>}, built in bytes that are wiped after. */
    private static String codeHash(String shareId, String recipient, byte[] code) {
        byte[] prefix = ("bar-otp-code:v1:" + shareId + ":" + recipient + ":").getBytes(StandardCharsets.UTF_8);
        byte[] input = Arrays.copyOf(prefix, prefix.length + code.length);
        System.arraycopy(code, 0, input, prefix.length, code.length);
        try {
            return OpaqueTokens.sha256Hex(input);
        } finally {
            Arrays.fill(input, (byte) 0);
        }
    }
}
