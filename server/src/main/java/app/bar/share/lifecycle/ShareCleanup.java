package app.bar.share.lifecycle;

import app.bar.platform.SqlTime;
import app.bar.share.DestroyReason;
import app.bar.share.ShareProperties;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareRowMapper;
import app.bar.share.core.ShareState;
import app.bar.share.receipt.DestructionReceipts;
import app.bar.share.receipt.ReceiptProperties;
import app.bar.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The clean-up pass: crypto-shreds expired shares, used-up shares whose re-open window closed and
 * abandoned uploads; moves one batch of older rows' secrets into secrets blobs
 * ({@link SecretsMigration}); removes orphaned blobs (content or secrets blobs no row names) and
 * half-written ones; drops used tickets, OTPs and old tombstones; then runs the share module's other
 * {@link CleanupStep}s (requests for a secret: expired ones forgotten, failed mails sent again).
 * Every node may run it at the same moment: each share is destroyed by the one conditional update
 * that wins, and deletions of what is already gone are harmless.
 */
@Component
class ShareCleanup {

    private static final Logger log = LoggerFactory.getLogger(ShareCleanup.class);
    private static final int BATCH = 500;

    /** How long a used-up share without a refresh window waits for its last stream to end (and shred it). */
    static final Duration LAST_VIEW_STREAM_GRACE = Duration.ofHours(1);

    private final ShareRepository shares;
    private final ShareShredder shredder;
    private final SecretsMigration secretsMigration;
    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final ShareProperties properties;
    private final DestructionReceipts receipts;
    private final ReceiptProperties receiptProperties;
    private final ObjectProvider<CleanupStep> steps;
    private final Clock clock;

    ShareCleanup(ShareRepository shares, ShareShredder shredder, SecretsMigration secretsMigration, BlobStore blobs,
            JdbcClient jdbc, ShareProperties properties, DestructionReceipts receipts, ReceiptProperties receiptProperties,
            ObjectProvider<CleanupStep> steps, Clock clock) {
        this.steps = steps;
        this.shares = shares;
        this.shredder = shredder;
        this.secretsMigration = secretsMigration;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.receipts = receipts;
        this.receiptProperties = receiptProperties;
        this.clock = clock;
    }

    /** What one pass did; {@code steps}: what the {@link CleanupStep}s did, together. */
    record Report(int expired, int usedUp, int abandoned, int orphanBlobs, int tombstones, int steps) {
    }

    Report runOnce() {
        Instant now = clock.instant();
        int expired = destroyAll(candidates("state in " + ShareRepository.LIVE_STATES + " and expires_at <= :now", now),
                s -> s.state() == ShareState.ACTIVE ? DestroyReason.EXPIRED : DestroyReason.UPLOAD_ABANDONED);
        int usedUp = destroyAll(candidates("state = 'ACTIVE' and max_views is not null and views_used >= max_views", now)
                .stream().filter(s -> refreshWindowOver(s, now)).toList(), s -> DestroyReason.VIEWS_USED);
        int abandoned = destroyAll(candidates("state in ('PENDING','UPLOADING') and created_at <= :before",
                now.minus(properties.uploadWindow())), s -> DestroyReason.UPLOAD_ABANDONED);
        secretsMigration.moveBatch();
        int orphans = removeOrphanBlobs(now);
        jdbc.sql("delete from share_tickets where expires_at <= :now").param("now", SqlTime.of(now)).update();
        jdbc.sql("delete from share_otps where expires_at <= :now").param("now", SqlTime.of(now)).update();
        int tombstones = purgeTombstones(now.minus(properties.tombstoneRetention()));
        receipts.purgeDestroyedBefore(now.minus(receiptProperties.retention()));
        int stepsDid = runSteps(now);
        Report report = new Report(expired, usedUp, abandoned, orphans, tombstones, stepsDid);
        if (expired + usedUp + abandoned + orphans + tombstones > 0) {
            log.info("share.cleanup expired={} used_up={} abandoned={} orphan_blobs={} tombstones={}", expired, usedUp,
                    abandoned, orphans, tombstones);
        }
        return report;
    }

    private int runSteps(Instant now) {
        int did = 0;
        for (CleanupStep step : steps.orderedStream().toList()) {
            try {
                did += step.runOnce(now);
            } catch (RuntimeException e) {
                log.error("share.cleanup_step_failed step={}", step.getClass().getSimpleName(), e); // the next pass retries
            }
        }
        return did;
    }

    private List<ShareRow> candidates(String where, Instant at) {
        return jdbc.sql("select * from shares where " + where + " order by expires_at limit " + BATCH)
                .param("now", SqlTime.of(at)).param("before", SqlTime.of(at))
                .query(ShareRowMapper.INSTANCE).list();
    }

    private int destroyAll(List<ShareRow> rows, java.util.function.Function<ShareRow, DestroyReason> reason) {
        int n = 0;
        for (ShareRow share : rows) {
            if (shredder.destroy(share, reason.apply(share), Requester.SYSTEM)) {
                n++;
            }
        }
        return n;
    }

    /**
     * A share whose last view is still streaming is shredded by that stream when it ends; only a
     * stream that never ended (its node crashed) leaves it to this pass, after
     * {@link #LAST_VIEW_STREAM_GRACE}.
     */
    private static boolean refreshWindowOver(ShareRow s, Instant now) {
        Duration window = s.policy().viewRefresh();
        Instant exhaustedAt = s.views().exhaustedAt();
        if (exhaustedAt == null) {
            return true;
        }
        return !exhaustedAt.plus(window == null ? LAST_VIEW_STREAM_GRACE : window).isAfter(now);
    }

    private int removeOrphanBlobs(Instant now) {
        Set<String> live = new HashSet<>(jdbc.sql(
                "select blob_id from shares where blob_id is not null and state in " + ShareRepository.LIVE_STATES)
                .query(String.class).list());
        live.addAll(jdbc.sql("select secrets_blob_id from shares where secrets_blob_id is not null").query(String.class).list());
        Instant before = now.minus(properties.orphanGrace());
        int[] removed = {0};
        try {
            blobs.forEach(blob -> {
                if (!live.contains(blob.id().value()) && blob.writtenAt().isBefore(before)) {
                    try {
                        if (blobs.delete(blob.id())) {
                            removed[0]++;
                        }
                    } catch (IOException e) {
                        log.warn("share.cleanup_blob_failed error={}", e.getClass().getSimpleName());
                    }
                }
            });
            blobs.purgeIncomplete(now.minus(properties.uploadWindow()));
        } catch (IOException e) {
            log.warn("share.cleanup_blobs_failed error={}", e.getClass().getSimpleName());
        }
        jdbc.sql("update shares set blob_id = null where blob_id is not null and state in ('DESTROYED','QUARANTINED')")
                .update();
        return removed[0];
    }

    private int purgeTombstones(Instant expiredBefore) {
        jdbc.sql("""
                delete from share_access_log where share_id in (select id from shares
                where state in ('DESTROYED','QUARANTINED') and expires_at <= :before)""")
                .param("before", SqlTime.of(expiredBefore)).update();
        jdbc.sql("""
                delete from share_viewers where share_id in (select id from shares
                where state in ('DESTROYED','QUARANTINED'))""").update();
        return jdbc.sql("delete from shares where state in ('DESTROYED','QUARANTINED') and expires_at <= :before")
                .param("before", SqlTime.of(expiredBefore)).update();
    }
}
