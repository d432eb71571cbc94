package app.bar.share;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The owners' access logs across shares, oldest first, for the audit export (issue 20 item 3):
 * one entry per share event (its access-log outcome), kept as long as the share's tombstone
 * ({@code bar.shares.tombstone-retention}). Never content, filenames, emails or full IPs.
 */
public interface ShareAuditTrail {

    /** One access-log row, with the share's owner (null: anonymous). */
    record Entry(long id, Instant at, String outcome, ShareId shareId, @Nullable String ownerAccountId,
            @Nullable String clientIp, @Nullable String browser) {
    }

    /**
     * Rows in {@code [from, to)} after the position ({@code afterAt}, {@code afterId}) in (time, id)
     * order, at most {@code limit}; only {@code outcomes} when not empty, only {@code ownerAccountId}'s
     * shares when not null.
     */
    List<Entry> after(Instant afterAt, long afterId, Instant from, Instant to, Set<String> outcomes,
            @Nullable String ownerAccountId, int limit);
}
