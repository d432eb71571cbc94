package app.bar.share.create;

import app.bar.platform.secrets.Password;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON policy of {@code POST /api/shares}. Boxed types (a missing value is null, not an
 * error); the secret text as {@code char[]} and the password as a {@link Password}, so both can
 * be wiped and never print.
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
        @Nullable String label) {

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
