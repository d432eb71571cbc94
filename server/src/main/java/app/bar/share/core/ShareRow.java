package app.bar.share.core;

import app.bar.share.ShareId;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One row of {@code shares}, in typed parts: who owns it and until when it lives, its
 * {@link AccessPolicy}, its {@link ShareKeys}, its {@link StoredContent}, what has been counted
 * ({@link ViewCount}, {@link FailedAttempts}), for a tombstone its {@link Destruction}, and for a
 * per-recipient link its group (the first member's id; null for an ordinary share).
 * Holds ciphertext and hashes only; {@code toString()} names id and state.
 */
public record ShareRow(
        ShareId id,
        ShareKind kind,
        ShareState state,
        @Nullable String ownerId,
        String manageTokenHash,
        Instant createdAt,
        Instant expiresAt,
        AccessPolicy policy,
        ShareKeys keys,
        StoredContent content,
        ViewCount views,
        FailedAttempts attempts,
        @Nullable Destruction destruction,
        @Nullable ShareId groupId) {

    /**
     * What the data key's envelope and the content's associated data are bound to: the share's id,
     * or for a group member its group's id, since all members hold one sealed key and one content.
     */
    public String keyContext() {
        return (groupId == null ? id : groupId).value();
    }

    public boolean isText() {
        return kind == ShareKind.TEXT;
    }

    public boolean isLive(Instant now) {
        return state == ShareState.ACTIVE && expiresAt.isAfter(now) && keys.hasKey();
    }

    public boolean hasViewsLeft() {
        Integer max = policy.maxViews();
        return max == null || views.used() < max;
    }

    /** Live with views left: anyone holding the link may try to open it. */
    public boolean isOpenable(Instant now) {
        return isLive(now) && hasViewsLeft();
    }

    public @Nullable Integer viewsLeft() {
        Integer max = policy.maxViews();
        return max == null ? null : Math.max(0, max - views.used());
    }

    /** This row with its keys, name and inline ciphertext read from its secrets blob {@code blob}. */
    public ShareRow withSecrets(app.bar.storage.BlobId blob, ShareSecrets secrets) {
        return new ShareRow(id, kind, state, ownerId, manageTokenHash, createdAt, expiresAt, policy, secrets.keys(),
                content.withSecrets(blob, secrets), views, attempts, destruction, groupId);
    }

    @Override
    public String toString() {
        return "ShareRow[" + id.value() + ", " + state + "]";
    }
}
