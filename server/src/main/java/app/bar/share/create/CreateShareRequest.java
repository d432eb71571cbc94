package app.bar.share.create;

import app.bar.platform.secrets.Password;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON policy of {@code POST /api/shares}. Boxed types (a missing value is null, not an
 * error); the secret text as {@code char[]} and the password as a {@link Password}, so both can
 * be wiped and never print. {@code recipients} makes one link per recipient (issue 18 item 3,
 * {@link RecipientLinks}).
 */
public record CreateShareRequest(
        @Nullable String kind,
        char @Nullable [] text,
        @Nullable String filename,
        @Nullable ExpiresIn expiresIn,
        @Nullable Integer maxViews,
        @Nullable Boolean unlimitedViews,
        @Nullable Password password,
        @Nullable Boolean requireOtp,
        @Nullable List<String> otpEmails,
        @Nullable Integer viewRefreshMinutes,
        @Nullable Boolean viewOnly,
        @Nullable Integer burnAfterFailedAttempts,
        @Nullable Boolean zeroKnowledge,
        @Nullable String accessVerifier,
        @Nullable String linkVerifier,
        @Nullable Boolean allowRecipientBurn,
        @Nullable String webhookUrl,
        @Nullable String label,
        @Nullable List<Recipient> recipients) {

    /** A policy with one link, as every share had before per-recipient links. */
    public CreateShareRequest(@Nullable String kind, char @Nullable [] text, @Nullable String filename,
            @Nullable ExpiresIn expiresIn, @Nullable Integer maxViews, @Nullable Boolean unlimitedViews,
            @Nullable Password password, @Nullable Boolean requireOtp, @Nullable List<String> otpEmails,
            @Nullable Integer viewRefreshMinutes, @Nullable Boolean viewOnly, @Nullable Integer burnAfterFailedAttempts,
            @Nullable Boolean zeroKnowledge, @Nullable String accessVerifier, @Nullable String linkVerifier,
            @Nullable Boolean allowRecipientBurn, @Nullable String webhookUrl, @Nullable String label) {
        this(kind, text, filename, expiresIn, maxViews, unlimitedViews, password, requireOtp, otpEmails, viewRefreshMinutes,
                viewOnly, burnAfterFailedAttempts, zeroKnowledge, accessVerifier, linkVerifier, allowRecipientBurn,
                webhookUrl, label, null);
    }

    /**
     * One recipient's link: the owner's label for it, the verifier of its link access key and the
     * content key wrapped under its link key (base64url of 60 bytes; the server never opens it).
     */
    public record Recipient(@Nullable String label, @Nullable String linkVerifier, @Nullable String wrappedKey) {
        @Override
        public String toString() {
            return "Recipient[hidden]";
        }
    }

    void wipe() {
        if (text != null) {
            java.util.Arrays.fill(text, '\0');
        }
        if (password != null) {
            password.wipe();
        }
    }

    @Override
    public String toString() {
        return "CreateShareRequest[kind=" + kind + "]";
    }
}
