package app.bar.share.core;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code shares}. Holds ciphertext and hashes only; {@code toString()} names id and state. */
public record ShareRow(
        String id,
        String kind,
        ShareState state,
        @Nullable String ownerId,
        String manageTokenHash,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Integer maxViews,
        int viewsUsed,
        @Nullable Instant exhaustedAt,
        @Nullable Integer viewRefreshMinutes,
        boolean viewOnly,
        boolean requiresPassword,
        @Nullable String kdf,
        boolean requireOtp,
        boolean zeroKnowledge,
        @Nullable String accessVerifier,
        @Nullable Integer burnAfterFailedAttempts,
        int failedAttempts,
        int totalFailedAttempts,
        @Nullable Instant nextAttemptAt,
        @Nullable Instant lockedUntil,
        @Nullable String filename,
        @Nullable String contentType,
        @Nullable Long sizeBytes,
        @Nullable String blobId,
        @Nullable String inlineContent,
        @Nullable String keyId,
        @Nullable String wrappedKey,
        @Nullable Instant destroyedAt,
        @Nullable String destroyReason) {

    public static final String TEXT = "text";
    public static final String FILE = "file";

    public boolean isText() {
        return TEXT.equals(kind);
    }

    public boolean isLive(Instant now) {
        return state == ShareState.ACTIVE && expiresAt.isAfter(now) && wrappedKey != null;
    }

    public boolean hasViewsLeft() {
        return maxViews == null || viewsUsed < maxViews;
    }

    /** Live with views left: anyone holding the link may try to open it. */
    public boolean isOpenable(Instant now) {
        return isLive(now) && hasViewsLeft();
    }

    public @Nullable Integer viewsLeft() {
        return maxViews == null ? null : Math.max(0, maxViews - viewsUsed);
    }

    public @Nullable Duration viewRefresh() {
        return viewRefreshMinutes == null ? null : Duration.ofMinutes(viewRefreshMinutes);
    }

    public SealedKey sealedKey() {
        if (keyId == null || wrappedKey == null) {
            throw new IllegalStateException("share has no key");
        }
        return new SealedKey(keyId, wrappedKey, kdf != null);
    }

    public @Nullable KdfParams kdfParams() {
        return kdf == null ? null : KdfParams.decode(kdf);
    }

    @Override
    public String toString() {
        return "ShareRow[" + id + ", " + state + "]";
    }
}
