package app.bar.share;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What an administrator sees of every share and may do to one (issue 20 item 1): metadata only —
 * never content, a filename, a key or anything of a share's secrets — and burning, through the
 * one place shares are destroyed, with a reason recorded as an {@code admin.action} security event
 * in the burn's own transaction. The owner's webhook hears {@code share.destroyed} with reason
 * {@code burned_by_admin} as for any other destruction. The admin module uses this; the share
 * module implements it.
 */
public interface ShareModeration {

    /** Shares matching {@code filter}, newest first; page {@code page} of {@code size}. */
    Listing list(Filter filter, int page, int size);

    /**
     * Burns a live share for administrator {@code adminId}; false when there is no live share by
     * that id (unknown, malformed or already destroyed).
     */
    boolean burn(String shareId, String adminId, String reason);

    /** Burns every live share of account {@code ownerId}; how many it burned. */
    int burnAllOwnedBy(String ownerId, String adminId, String reason);

    /** Counts by state, bytes stored for live shares, and opens per UTC day over the last {@code days} days. */
    Statistics statistics(int days);

    /**
     * Which shares to list; a null component does not filter. {@code state}: {@code live} or one
     * of {@code pending}, {@code uploading}, {@code active}, {@code destroyed}, {@code quarantined}
     * (anything else is a 400 naming {@code state}). {@code anonymousOnly}: shares without an owner.
     */
    record Filter(@Nullable String ownerId, boolean anonymousOnly, @Nullable String state,
            @Nullable Instant createdBefore, @Nullable Instant createdAfter, @Nullable Long minSize,
            @Nullable Long maxSize) {
    }

    /** A page of shares and how many match in all. */
    record Listing(List<ListedShare> items, long total) {
    }

    /**
     * One share as an administrator sees it. {@code sizeBytes} is the stored (encrypted) size;
     * {@code state} is the row's state in lower case; {@code expired}: live by state but past its expiry.
     */
    record ListedShare(String id, String kind, String state, boolean expired, @Nullable String ownerId,
            Instant createdAt, Instant expiresAt, @Nullable Integer maxViews, int viewsUsed,
            @Nullable Long sizeBytes, boolean zeroKnowledge, boolean requiresPassword, boolean requireOtp,
            @Nullable Instant destroyedAt, @Nullable String destroyReason) {
    }

    /** The instance's share figures; {@code byState} keys are the lower-case states. */
    record Statistics(Map<String, Long> byState, long liveShares, long storedBytes, List<DayCount> opensPerDay) {
    }

    /** Opens (views taken, re-opens included) on one UTC day. */
    record DayCount(LocalDate day, long opens) {
    }
}
