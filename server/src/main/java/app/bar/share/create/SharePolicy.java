package app.bar.share.create;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.Password;
import app.bar.share.ShareCodes;
import app.bar.share.ShareProperties;
import app.bar.share.core.AccessPolicy;
import app.bar.share.core.ShareLabels;
import app.bar.share.core.ShareKind;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A validated share policy: every field of {@link CreateShareRequest} checked against an
 * allow-list (ASVS 2.2.1), defaults applied, and the limits that differ for anonymous and
 * signed-in creators. Each failure is a 400 naming the field and the rule.
 */
record SharePolicy(
        ShareKind kind,
        @Nullable String filename,
        Duration expiresIn,
        @Nullable Integer maxViews,
        boolean hasPassword,
        boolean requireOtp,
        List<String> otpEmails,
        @Nullable Integer viewRefreshMinutes,
        boolean viewOnly,
        @Nullable Integer burnAfterFailedAttempts,
        boolean zeroKnowledge,
        @Nullable String accessVerifier,
        @Nullable String linkVerifier,
        boolean allowRecipientBurn,
        @Nullable String webhookUrl,
        @Nullable String label) {

    static final int MAX_VIEWS = 1000;
    static final int MAX_OTP_EMAILS = 10;
    static final int MAX_WEBHOOK_URL = 2048;
    static final int MAX_PASSWORD = 1024;
    static final long MIN_EXPIRY_SECONDS = 60;
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})+");
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9_-]{43}");

    static SharePolicy of(CreateShareRequest r, boolean signedIn, ShareProperties limits) {
        if (r.kind() == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "kind", "is required: 'text' or 'file'");
        }
        ShareKind kind = ShareKind.of(r.kind()).orElseThrow(() -> new BarProblem.Invalid(ProblemCodes.FIELD_UNKNOWN_VALUE,
                "kind", "must be 'text' or 'file'"));
        checkText(r, kind, limits);
        boolean zk = Boolean.TRUE.equals(r.zeroKnowledge());
        return new SharePolicy(kind, checkFilename(r.filename()), checkExpiry(r.expiresIn(), signedIn, limits),
                checkViews(r.maxViews(), r.unlimitedViews(), signedIn), checkPassword(r.password(), zk),
                Boolean.TRUE.equals(r.requireOtp()), checkOtp(r.requireOtp(), r.otpEmails()),
                range("viewRefreshMinutes", r.viewRefreshMinutes(), 1, 1440), Boolean.TRUE.equals(r.viewOnly()),
                range("burnAfterFailedAttempts", r.burnAfterFailedAttempts(), 1, 100), zk,
                checkVerifier("accessVerifier", r.accessVerifier(), zk), checkLinkVerifier(r.linkVerifier(), zk,
                        r.recipients() == null),
                Boolean.TRUE.equals(r.allowRecipientBurn()), checkWebhookUrl(r.webhookUrl(), signedIn),
                checkLabel(r.label(), signedIn));
    }

    /** This policy with another expiry (the operator's policy caps a default one). */
    SharePolicy withExpiresIn(Duration expiry) {
        return new SharePolicy(kind, filename, expiry, maxViews, hasPassword, requireOtp, otpEmails, viewRefreshMinutes,
                viewOnly, burnAfterFailedAttempts, zeroKnowledge, accessVerifier, linkVerifier, allowRecipientBurn,
                webhookUrl, label);
    }

    /** What opening the share will demand and allow (a password or an access verifier both need a secret). */
    AccessPolicy access() {
        return new AccessPolicy(maxViews, viewRefreshMinutes == null ? null : Duration.ofMinutes(viewRefreshMinutes),
                viewOnly, hasPassword || accessVerifier != null, requireOtp, zeroKnowledge, burnAfterFailedAttempts,
                allowRecipientBurn);
    }

    /** An owner's label (issue 13 item 9): a share without an owner has nobody to show it to. */
    private static @Nullable String checkLabel(@Nullable String label, boolean signedIn) {
        if (label != null && !signedIn) {
            throw new BarProblem.Invalid(ShareCodes.SIGNED_IN_ONLY, "label", "only signed-in users may label a share");
        }
        return ShareLabels.validate(label);
    }

    /** Only the shape here; the webhook module's SSRF guard checks the target (ShareWebhooks.validate). */
    private static @Nullable String checkWebhookUrl(@Nullable String url, boolean signedIn) {
        if (url == null) {
            return null;
        }
        if (!signedIn) {
            throw new BarProblem.Invalid(ShareCodes.SIGNED_IN_ONLY, "webhookUrl", "only signed-in users may set a webhook");
        }
        if (url.isBlank() || url.length() > MAX_WEBHOOK_URL) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "webhookUrl",
                    "must be an http(s) URL of 1 to " + MAX_WEBHOOK_URL + " characters", 1L, (long) MAX_WEBHOOK_URL);
        }
        return url;
    }

    private static void checkText(CreateShareRequest r, ShareKind kind, ShareProperties limits) {
        char[] text = r.text();
        if (kind == ShareKind.FILE) {
            if (text != null) {
                throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, "text",
                        "must be absent for a file share (upload the file instead)");
            }
            return;
        }
        if (text == null || text.length == 0) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "text", "is required for a text share");
        }
        long bytes = utf8Length(text);
        long max = limits.maxTextSize().toBytes();
        if (bytes > max) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "text", "must be at most " + max + " bytes of UTF-8",
                    1L, max);
        }
    }

    static long utf8Length(char[] text) {
        return StandardCharsets.UTF_8.encode(CharBuffer.wrap(text)).remaining();
    }

    private static @Nullable String checkFilename(@Nullable String filename) {
        if (filename == null) {
            return null;
        }
        if (filename.length() > 255) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "filename", "must be at most 255 characters", null, 255L);
        }
        String safe = Filenames.sanitize(filename);
        return safe.isEmpty() ? null : safe;
    }

    private static Duration checkExpiry(@Nullable ExpiresIn expiresIn, boolean signedIn, ShareProperties limits) {
        if (expiresIn == null) {
            return limits.defaultExpiry().compareTo(limits.expiryLimit(signedIn)) > 0 ? limits.expiryLimit(signedIn)
                    : limits.defaultExpiry();
        }
        return checkExpiry("expiresIn", expiresIn, signedIn, limits);
    }

    /** A given expiry read and bounded as a share's, the refusal naming {@code field}. */
    static Duration checkExpiry(String field, ExpiresIn expiresIn, boolean signedIn, ShareProperties limits) {
        long seconds = expiresIn.duration().orElseThrow(() -> new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, field,
                "must be a number of seconds or a duration such as \"2d\", \"1h\", \"30m\"")).toSeconds();
        long max = limits.expiryLimit(signedIn).toSeconds();
        if (seconds < MIN_EXPIRY_SECONDS || seconds > max) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, field, "must be between "
                    + MIN_EXPIRY_SECONDS + " and " + max + " seconds" + (signedIn ? "" : " for anonymous shares"),
                    MIN_EXPIRY_SECONDS, max);
        }
        return Duration.ofSeconds(seconds);
    }

    private static @Nullable Integer checkViews(@Nullable Integer maxViews, @Nullable Boolean unlimited, boolean signedIn) {
        if (Boolean.TRUE.equals(unlimited)) {
            if (!signedIn) {
                throw new BarProblem.Invalid(ShareCodes.SIGNED_IN_ONLY, "unlimitedViews",
                        "only signed-in users may create shares without a view limit");
            }
            if (maxViews != null) {
                throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, "maxViews", "must be absent when unlimitedViews is true");
            }
            return null;
        }
        Integer views = range("maxViews", maxViews, 1, MAX_VIEWS);
        return views == null ? Integer.valueOf(1) : views;
    }

    private static boolean checkPassword(@Nullable Password password, boolean zk) {
        if (password == null) {
            return false;
        }
        if (zk) {
            throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, "password",
                    "must be absent in zero-knowledge mode (send accessVerifier derived on the client)");
        }
        int length = password.codePointCount();
        if (length < 1 || length > MAX_PASSWORD) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "password", "must be 1 to " + MAX_PASSWORD + " characters",
                    1L, (long) MAX_PASSWORD);
        }
        return true;
    }

    private static List<String> checkOtp(@Nullable Boolean requireOtp, @Nullable List<String> emails) {
        boolean required = Boolean.TRUE.equals(requireOtp);
        List<String> list = emails == null ? List.of() : emails;
        if (!required) {
            if (!list.isEmpty()) {
                throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, "otpEmails", "must be absent unless requireOtp is true");
            }
            return List.of();
        }
        if (list.isEmpty() || list.size() > MAX_OTP_EMAILS) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "otpEmails", "must list 1 to " + MAX_OTP_EMAILS
                    + " email addresses", 1L, (long) MAX_OTP_EMAILS);
        }
        for (String email : list) {
            if (email == null || email.length() > 254 || !EMAIL.matcher(email.strip()).matches()) {
                throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "otpEmails", "each entry must be a plain email address");
            }
        }
        return List.copyOf(list);
    }

    /**
     * Every zero-knowledge share proves its link at unlock, so a damaged link costs no view (issue 13
     * item 1); per-recipient links bring one verifier each instead ({@link RecipientLinks}).
     */
    private static @Nullable String checkLinkVerifier(@Nullable String verifier, boolean zk, boolean oneLink) {
        if (zk && oneLink && verifier == null) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "linkVerifier",
                    "is required in zero-knowledge mode (derived from the link key on the client)");
        }
        return checkVerifier("linkVerifier", verifier, zk);
    }

    private static @Nullable String checkVerifier(String field, @Nullable String verifier, boolean zk) {
        if (verifier == null) {
            return null;
        }
        if (!zk) {
            throw new BarProblem.Invalid(ShareCodes.FIELD_NOT_ALLOWED, field, "is only for zero-knowledge shares");
        }
        if (!VERIFIER.matcher(verifier).matches()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, field,
                    "must be base64url (no padding) of a 32-byte SHA-256 digest");
        }
        return verifier;
    }

    private static @Nullable Integer range(String field, @Nullable Integer value, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, field, "must be between " + min + " and " + max,
                    (long) min, (long) max);
        }
        return value;
    }
}
