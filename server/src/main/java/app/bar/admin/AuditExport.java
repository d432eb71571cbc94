package app.bar.admin;

import app.bar.audit.SecurityEventLog;
import app.bar.share.ShareAuditTrail;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The audit export (issue 20 item 3): security events and share lifecycle events (the owners'
 * access logs) merged into one time-ordered list, a page at a time after an {@link AuditCursor}.
 * Each page reads at most {@code limit} rows of each source and keeps the first {@code limit} of
 * the merge, so its memory is bounded whatever the range.
 *
 * <p>Share rows carry a {@code shareRef}, not the share id: the id alone opens a server-mode share
 * without a password, and an export travels to a SIEM. The reference is the first 32 hex digits of
 * SHA-256 of the id, which an owner or auditor holding the id (from a receipt) can compute.
 */
@Service
class AuditExport {

    static final int SECURITY = 0;
    static final int SHARE = 1;
    static final String SHARE_TYPE_PREFIX = "share.";

    private final SecurityEventLog security;
    private final ShareAuditTrail shares;

    AuditExport(SecurityEventLog security, ShareAuditTrail shares) {
        this.security = security;
        this.shares = shares;
    }

    /** What to export: {@code [from, to)}, these types (all when empty), these sources, one account's (all when null). */
    record Query(Instant from, Instant to, Set<String> types, Set<Integer> sources, @Nullable String accountId,
            @Nullable AuditCursor after, int limit) {
    }

    /** One exported event. */
    record Row(int source, long id, Instant at, String type, @Nullable String accountId, @Nullable String shareRef,
            @Nullable String clientIp, @Nullable String browser, @Nullable String requestId, @Nullable String detail) {

        String sourceName() {
            return source == SECURITY ? "security" : "share";
        }

        AuditCursor position() {
            return new AuditCursor(at, source, id);
        }
    }

    /**
     * A page of rows; {@code next} is the position after its last row (the query's own cursor when
     * the page is empty, null when neither), {@code more} whether the page is full, so there may be more.
     */
    record Page(List<Row> rows, @Nullable AuditCursor next, boolean more) {
    }

    Page page(Query query) {
        AuditCursor given = query.after();
        AuditCursor after = given != null && !given.at().isBefore(query.from()) ? given : AuditCursor.before(query.from());
        List<Row> rows = new ArrayList<>();
        if (query.sources().contains(SECURITY)) {
            security.after(after.at(), after.idAfterFor(SECURITY), query.from(), query.to(), query.types(),
                    query.accountId(), query.limit()).forEach(e -> rows.add(new Row(SECURITY, e.id(), e.occurredAt(),
                            e.type(), e.actorId(), null, e.clientIp(), null, e.requestId(), e.detail())));
        }
        Set<String> outcomes = query.types().stream().filter(t -> t.startsWith(SHARE_TYPE_PREFIX))
                .map(t -> t.substring(SHARE_TYPE_PREFIX.length())).collect(Collectors.toSet());
        if (query.sources().contains(SHARE) && (query.types().isEmpty() || !outcomes.isEmpty())) {
            shares.after(after.at(), after.idAfterFor(SHARE), query.from(), query.to(), outcomes, query.accountId(),
                    query.limit()).forEach(e -> rows.add(new Row(SHARE, e.id(), e.at(), SHARE_TYPE_PREFIX + e.outcome(),
                            e.ownerAccountId(), shareRef(e.shareId().value()), e.clientIp(), e.browser(), null, null)));
        }
        rows.sort(Comparator.comparing(Row::at).thenComparingInt(Row::source).thenComparingLong(Row::id));
        List<Row> page = rows.size() > query.limit() ? List.copyOf(rows.subList(0, query.limit())) : List.copyOf(rows);
        AuditCursor next = page.isEmpty() ? query.after() : page.get(page.size() - 1).position();
        return new Page(page, next, page.size() == query.limit());
    }

    /** The first 32 hex digits of SHA-256 of the share id (`printf %s ID | sha256sum | cut -c1-32`). */
    static String shareRef(String shareId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(shareId.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
