package app.bar.share.owner;

import app.bar.platform.error.BarProblem;
import app.bar.share.DestroyReason;
import app.bar.share.ShareId;
import app.bar.share.core.AccessPolicy;
import app.bar.share.core.Destruction;
import app.bar.share.core.ManageTokens;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareLabels;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.lifecycle.ShareShredder;
import app.bar.share.receipt.DestructionReceipts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What owners do with their shares: list them (no content; no filename for zero-knowledge
 * shares; the owner's own label), label one, read a share's access log, burn one. Another account's share answers 404, exactly as
 * a missing one (ASVS 8.2.2). {@link #destroyAllOwnedBy} is for the accounts module's
 * {@code AccountDeleted} event.
 */
@Service
public class OwnedShares {

    private final ShareRepository shares;
    private final ShareShredder shredder;
    private final AccessLog accessLog;
    private final ShareLabels labels;
    private final DestructionReceipts receipts;
    private final JdbcClient jdbc;
    private final Clock clock;

    OwnedShares(ShareRepository shares, ShareShredder shredder, AccessLog accessLog, ShareLabels labels,
            DestructionReceipts receipts, JdbcClient jdbc, Clock clock) {
        this.shares = shares;
        this.shredder = shredder;
        this.accessLog = accessLog;
        this.labels = labels;
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * One of the owner's shares as the dashboard lists it: {@code size} is the plaintext's (not known
     * for zero-knowledge shares), {@code encryptedSize} what a zero-knowledge file's container holds;
     * {@code groupId} names the group of a per-recipient link (null for an ordinary share).
     */
    record Summary(String id, String kind, String state, @Nullable String label, @Nullable String filename,
            @Nullable Integer maxViews, @Nullable Integer viewsLeft, Instant createdAt, Instant expiresAt,
            boolean requiresPassword, boolean requiresOtp, boolean zeroKnowledge, @Nullable Long size,
            @Nullable Long encryptedSize, @Nullable DestroyReason destroyReason, @Nullable String groupId) {
    }

    List<Summary> list(String accountId) {
        Instant now = clock.instant();
        Map<String, String> named = labels.ofOwner(accountId);
        return shares.findOwnedBy(accountId).stream().map(s -> summary(s, named.get(s.id().value()), now)).toList();
    }

    /**
     * Sets or (blank or null) removes the label of one of the owner's shares, a tombstone's too;
     * another account's share is a 404. Returns the label as stored.
     */
    @Nullable String label(String accountId, String shareId, @Nullable String label) {
        String valid = ShareLabels.validate(label);
        ShareRow share = owned(accountId, shareId);
        if (!labels.save(share.id(), valid)) {
            throw new BarProblem.NotFound(); // its row was removed meanwhile
        }
        return valid;
    }

    List<AccessLog.Entry> events(String accountId, String shareId) {
        ShareRow share = owned(accountId, shareId);
        return accessLog.of(share.id());
    }

    /**
     * How a share stands, for the holder of its manage token (issue 13 item 5): live, locked,
     * expired or destroyed (and why), from the share's row or its tombstone, with its last opening
     * from the access log. Nothing secret and no content; a wrong token is a 404.
     */
    public record ManageStatus(String state, @Nullable String reason, @Nullable Integer viewsLeft, Instant expiresAt,
            @Nullable Instant lockedUntil, @Nullable Instant destroyedAt, @Nullable Instant lastOpenedAt,
            @Nullable String lastOpenedBrowser) {
    }

    public ManageStatus status(String shareId, @Nullable String manageToken) {
        ShareRow share = ShareId.parse(shareId).flatMap(shares::find).orElseThrow(BarProblem.NotFound::new);
        if (!ManageTokens.matches(share, manageToken)) {
            throw new BarProblem.NotFound();
        }
        Instant now = clock.instant();
        AccessLog.Entry opened = accessLog.of(share.id()).stream().filter(e -> "opened".equals(e.outcome()))
                .reduce((first, second) -> second).orElse(null);
        Destruction destruction = share.destruction();
        Instant lockedUntil = share.attempts().lockedUntil();
        boolean locked = lockedUntil != null && lockedUntil.isAfter(now);
        String state = destruction != null
                ? destruction.reason() == DestroyReason.EXPIRED ? "expired" : "destroyed"
                : !share.expiresAt().isAfter(now) ? "expired"
                : share.state() != app.bar.share.core.ShareState.ACTIVE ? "awaiting_upload"
                : locked ? "locked" : "active";
        return new ManageStatus(state,
                destruction == null ? null : destruction.reason().name().toLowerCase(java.util.Locale.ROOT),
                destruction == null ? share.viewsLeft() : null, share.expiresAt(), locked ? lockedUntil : null,
                destruction == null ? null : destruction.at(), opened == null ? null : opened.at(),
                opened == null ? null : opened.browser());
    }

    /** Burns a share for its owner or the holder of its manage token; 404 when neither, or already gone. */
    public void burn(String shareId, @Nullable String manageToken, Requester who) {
        ShareRow share = ShareId.parse(shareId).flatMap(shares::find).orElseThrow(BarProblem.NotFound::new);
        String account = who.accountId();
        boolean owner = account != null && account.equals(share.ownerId());
        if (!owner && !ManageTokens.matches(share, manageToken)) {
            throw new BarProblem.NotFound();
        }
        if (!shredder.destroy(share, DestroyReason.BURNED_BY_OWNER, who)) {
            throw new BarProblem.NotFound();
        }
    }

    /**
     * Crypto-shreds every live share of an account and then deletes its rows and access logs
     * (a deleted account keeps no history). Safe to call twice.
     */
    int destroyAllOwnedBy(String accountId) {
        int destroyed = 0;
        for (ShareRow share : shares.findOwnedBy(accountId)) {
            if (shredder.destroy(share, DestroyReason.BURNED_BY_OWNER, Requester.SYSTEM)) {
                destroyed++;
            }
        }
        jdbc.sql("delete from share_access_log where share_id in (select id from shares where owner_id = :o)")
                .param("o", accountId).update();
        jdbc.sql("delete from shares where owner_id = :o and state in ('DESTROYED','QUARANTINED')")
                .param("o", accountId).update();
        receipts.deleteOwnedBy(accountId);
        return destroyed;
    }

    private ShareRow owned(String accountId, String shareId) {
        ShareRow share = ShareId.parse(shareId).flatMap(shares::find).orElseThrow(BarProblem.NotFound::new);
        if (!accountId.equals(share.ownerId())) {
            throw new BarProblem.NotFound();
        }
        return share;
    }

    private static Summary summary(ShareRow s, @Nullable String label, Instant now) {
        Instant lockedUntil = s.attempts().lockedUntil();
        String state = switch (s.state()) {
            case PENDING, UPLOADING -> "awaiting_upload";
            case ACTIVE -> !s.expiresAt().isAfter(now) ? "expired"
                    : !s.hasViewsLeft() ? "used_up"
                    : lockedUntil != null && lockedUntil.isAfter(now) ? "locked" : "active";
            case DESTROYED -> "destroyed";
            case QUARANTINED -> "quarantined";
        };
        AccessPolicy p = s.policy();
        boolean zk = p.zeroKnowledge();
        Destruction end = s.destruction();
        Long stored = s.content().sizeBytes();
        ShareId group = s.groupId();
        return new Summary(s.id().value(), s.kind().value(), state, label, zk ? null : s.content().filename(),
                p.maxViews(), s.viewsLeft(), s.createdAt(), s.expiresAt(), p.requiresPassword(), p.requireOtp(), zk,
                zk ? null : stored, zk && !s.isText() ? stored : null, end == null ? null : end.reason(),
                group == null ? null : group.value());
    }
}
