package app.bar.share;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One row of {@code shares}. Holds ciphertext and hashes only; {@code toString()} names id and state. */
record ShareRow(
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

    static final String TEXT = "text";
    static final String FILE = "file";

    boolean isText() {
        return TEXT.equals(kind);
    }

    boolean isLive(Instant now) {
        return state == ShareState.ACTIVE && expiresAt.isAfter(now) && wrappedKey != null;
    }

    boolean hasViewsLeft() {
        return maxViews == null || viewsUsed < maxViews;
    }

    /** Live with views left: anyone holding the link may try to open it. */
    boolean isOpenable(Instant now) {
        return isLive(now) && hasViewsLeft();
    }

    @Nullable Integer viewsLeft() {
        return maxViews == null ? null : Math.max(0, maxViews - viewsUsed);
    }

    @Nullable Duration viewRefresh() {
        return viewRefreshMinutes == null ? null : Duration.ofMinutes(viewRefreshMinutes);
    }

    SealedKey sealedKey() {
        if (keyId == null || wrappedKey == null) {
            throw new IllegalStateException("share has no key");
        }
        return new SealedKey(keyId, wrappedKey, kdf != null);
    }

    @Nullable KdfParams kdfParams() {
        return kdf == null ? null : KdfParams.decode(kdf);
    }

    @Override
    public String toString() {
        return "ShareRow[" + id + ", " + state + "]";
    }
}
