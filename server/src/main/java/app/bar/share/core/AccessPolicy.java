package app.bar.share.core;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * What opening a share demands and allows, fixed at creation: its views ({@code maxViews} null =
 * unlimited) and re-open window, whether it is view-only, what unlocking needs (a password or,
 * zero-knowledge, an access key; an email OTP), after how many wrong tries it burns, and whether
 * a recipient may burn it after reading.
 */
public record AccessPolicy(
        @Nullable Integer maxViews,
        @Nullable Duration viewRefresh,
        boolean viewOnly,
        boolean requiresPassword,
        boolean requireOtp,
        boolean zeroKnowledge,
        @Nullable Integer burnAfterFailedAttempts,
        boolean allowRecipientBurn) {
}
