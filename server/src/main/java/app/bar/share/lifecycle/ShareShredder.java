package app.bar.share.lifecycle;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.share.DestroyReason;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareExpired;
import app.bar.share.ShareTamperDetected;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareSecretsStore;
import app.bar.share.core.ShareState;
import app.bar.storage.BlobId;
import app.bar.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crypto-shreds shares: one conditional update makes the row forget its secrets blob (wrapped
 * data key, filename, inline content); tickets, OTPs and viewers go, and the event reporting it is
 * published, in the same transaction (the caller's when there is one); the secrets blob and the
 * content blob are deleted once that committed — a per-recipient link's content blob only when no
 * other member of its group still names it.
 * Only the caller whose update won publishes, so a share is destroyed once even when every node
 * tries.
 */
@Component
public class ShareShredder {

    private static final Logger log = LoggerFactory.getLogger(ShareShredder.class);

    private final ShareRepository shares;
    private final BlobStore blobs;
    private final ShareSecretsStore secrets;
    private final JdbcClient jdbc;
    private final SecurityEvents security;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Clock clock;

    ShareShredder(ShareRepository shares, BlobStore blobs, ShareSecretsStore secrets, JdbcClient jdbc,
            SecurityEvents security, ApplicationEventPublisher events, TransactionTemplate tx, Clock clock) {
        this.shares = shares;
        this.blobs = blobs;
        this.secrets = secrets;
        this.jdbc = jdbc;
        this.security = security;
        this.events = events;
        this.tx = tx;
        this.clock = clock;
    }

    /** Destroys a live share; false when it was already gone (someone else won). */
    public boolean destroy(ShareRow share, DestroyReason reason, Requester who) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            if (!shred(share, reason, who)) {
                return false;
            }
            forgetSecrets(share);
            removeBlobAfterCommit(share);
            return true;
        }));
    }

    /**
     * Deletes the key in the caller's transaction and publishes {@link ShareDestroyed} (or
     * {@link ShareExpired}) with it; false when the share was no longer live. The last view calls
     * {@link #afterLastView} once its stream has ended.
     */
    public boolean shred(ShareRow share, DestroyReason reason, Requester who) {
        ShareState to = reason == DestroyReason.TAMPER ? ShareState.QUARANTINED : ShareState.DESTROYED;
        java.util.Optional<ShareRepository.Shredded> shredded = shares.shred(share.id(), to, reason, clock.instant());
        if (shredded.isEmpty()) {
            return false;
        }
        BlobId secretsBlob = shredded.get().secretsBlob();
        if (secretsBlob != null) {
            deleteSecretsAfterCommit(secretsBlob);
        }
        log.debug("share.destroyed reason={}", reason); // the access log and the event record it
        // read after the update: later than anything the caller did before (the last view's
        // ShareAccessed), which the access log and the deliveries list order by
        Instant now = clock.instant();
        String eventId = ShareEvent.newId();
        events.publishEvent(reason == DestroyReason.EXPIRED
                ? new ShareExpired(eventId, share.id(), share.ownerId(), now, who.clientIp(), who.browser(),
                        share.viewsLeft())
                : new ShareDestroyed(eventId, share.id(), share.ownerId(), now, who.clientIp(), who.browser(),
                        share.viewsLeft(), reason));
        return true;
    }

    /**
     * Ends a share whose ciphertext failed authentication while being read: the security event,
     * {@link ShareTamperDetected}, and the share quarantined — shredded now, or, when its last view
     * had already deleted the key, its tombstone marked with why it ended and the rest removed.
     */
    public void quarantine(ShareRow share, Requester who) {
        log.error("share.tamper_detected");
        tx.executeWithoutResult(status -> {
            security.record(SecurityEventType.SHARE_TAMPER_DETECTED, who.accountId(),
                    Map.of("kind", share.kind().value()));
            events.publishEvent(new ShareTamperDetected(ShareEvent.newId(), share.id(), share.ownerId(), clock.instant(),
                    who.clientIp(), who.browser(), share.viewsLeft()));
            if (!destroy(share, DestroyReason.TAMPER, who)) {
                shares.markQuarantined(share.id());
                forgetSecrets(share);
                removeBlobAfterCommit(share);
            }
        });
    }

    /**
     * The last view's stream has ended: the share is shredded now ({@link ShareDestroyed} with
     * {@code VIEWS_USED}; nothing when the clean-up or a burn won meanwhile), then tickets, OTPs,
     * viewers and the blob go.
     */
    public void afterLastView(ShareRow share, Requester who) {
        tx.executeWithoutResult(status -> shred(share, DestroyReason.VIEWS_USED, who));
        forgetSecrets(share);
        BlobId blob = share.content().blob();
        if (blob == null) {
            return;
        }
        if (share.groupId() == null) {
            if (deleteBlob(blob)) {
                shares.clearBlob(share.id());
            }
            return;
        }
        shares.clearBlob(share.id()); // committed before the count, as after every destruction
        deleteIfUnused(blob);
    }

    /**
     * The last view of a text share whose plaintext is already in memory: shredded in the
     * caller's transaction, the one that took the view (issue 12: one commit for the whole read
     * instead of four). Nothing is left to stream, so nothing can fail between the view and the
     * shredding; the secrets blob goes after the commit. False when a burn or the clean-up won.
     */
    public boolean shredWithLastView(ShareRow share, Requester who) {
        if (share.content().blob() != null) {
            throw new IllegalStateException("only a share without a content blob is shredded with its last view");
        }
        if (!shred(share, DestroyReason.VIEWS_USED, who)) {
            return false;
        }
        forgetSecrets(share);
        return true;
    }

    /**
     * The blob goes only once the key deletion committed (a rolled-back destruction keeps a
     * readable share). Its column is cleared now; a file whose deletion fails is an orphan the
     * clean-up job removes. A group member's blob is its group's: it goes only when, after this
     * commit, no row names it any more.
     */
    private void removeBlobAfterCommit(ShareRow share) {
        BlobId blob = share.content().blob();
        if (blob == null) {
            return;
        }
        shares.clearBlob(share.id());
        boolean shared = share.groupId() != null;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (shared) {
                    deleteIfUnused(blob);
                } else {
                    deleteBlob(blob);
                }
            }
        });
    }

    /**
     * Deletes the content blob of a group when no member names it any more. Each destruction
     * clears its own member's column and counts only after its commit, so of two concurrent last
     * destructions at least the later one sees none left (no leak); both seeing none deletes a
     * blob twice, which is harmless. A live member always names the blob, so it is never taken
     * from under one.
     */
    private void deleteIfUnused(BlobId blob) {
        if (shares.blobUsers(blob) == 0) {
            deleteBlob(blob);
        }
    }

    /**
     * The secrets blob — the share's only copy of its wrapped key, filename and inline content —
     * goes once the row's forgetting it committed. Deleting it is what makes the destruction final:
     * nothing in the database's files, WAL or dumps leads to the plaintext without it.
     */
    private void deleteSecretsAfterCommit(BlobId blob) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            secrets.delete(blob);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                secrets.delete(blob);
            }
        });
    }

    /** Deletes a blob whose key is already gone. */
    private boolean deleteBlob(BlobId blobId) {
        try {
            blobs.delete(blobId);
            return true;
        } catch (IOException e) {
            // the key is gone, so the blob is unreadable; the clean-up job retries the removal
            log.warn("share.blob_delete_failed error={}", e.getClass().getSimpleName());
            return false;
        }
    }

    /** Tickets always; OTP and viewer rows only where the policy can have made them. */
    private void forgetSecrets(ShareRow share) {
        String id = share.id().value();
        jdbc.sql("delete from share_tickets where share_id = :id").param("id", id).update();
        if (share.policy().allowRecipientBurn()) {
            jdbc.sql("delete from share_burn_tokens where share_id = :id").param("id", id).update();
        }
        if (share.policy().requireOtp()) {
            jdbc.sql("delete from share_otps where share_id = :id").param("id", id).update();
            jdbc.sql("delete from share_otp_recipients where share_id = :id").param("id", id).update();
        }
        if (share.policy().viewRefresh() != null) {
            jdbc.sql("delete from share_viewers where share_id = :id").param("id", id).update();
        }
    }
}
