package app.bar.share.lifecycle;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.share.DestroyReason;
import app.bar.share.ShareDestroyed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareExpired;
import app.bar.share.ShareId;
import app.bar.share.ShareTamperDetected;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRepository;
import app.bar.share.core.ShareRow;
import app.bar.share.core.ShareState;
import app.bar.storage.BlobId;
import app.bar.storage.BlobStore;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Crypto-shreds shares: one conditional update deletes the wrapped data key (after which the
 * blob is noise), then the blob, tickets, OTPs and viewers go. Only the caller whose update
 * won publishes the event, so a share is destroyed once even when every node tries.
 */
@Component
public class ShareShredder {

    private static final Logger log = LoggerFactory.getLogger(ShareShredder.class);

    private final ShareRepository shares;
    private final BlobStore blobs;
    private final JdbcClient jdbc;
    private final SecurityEvents security;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ShareShredder(ShareRepository shares, BlobStore blobs, JdbcClient jdbc, SecurityEvents security,
            ApplicationEventPublisher events, Clock clock) {
        this.shares = shares;
        this.blobs = blobs;
        this.jdbc = jdbc;
        this.security = security;
        this.events = events;
        this.clock = clock;
    }

    /** Destroys a live share; false when it was already gone (someone else won). */
    public boolean destroy(ShareRow share, DestroyReason reason, Requester who) {
        Instant now = clock.instant();
        ShareState to = reason == DestroyReason.TAMPER ? ShareState.QUARANTINED : ShareState.DESTROYED;
        if (!shares.shred(share.id(), to, reason, now)) {
            return false;
        }
        afterShred(share, reason, who);
        return true;
    }

    /**
     * Ends a share whose ciphertext failed authentication while being read: the security event,
     * {@link ShareTamperDetected}, and the share quarantined — shredded now, or, when its last view
     * had already deleted the key, its tombstone marked with why it ended and the rest removed.
     */
    public void quarantine(ShareRow share, Requester who) {
        Instant now = clock.instant();
        log.error("share.tamper_detected");
        security.record(SecurityEventType.SHARE_TAMPER_DETECTED, who.accountId(),
                Map.of("kind", share.kind().value()));
        events.publishEvent(new ShareTamperDetected(share.id(), share.ownerId(), now, who.clientIp(), who.browser(),
                share.viewsLeft()));
        if (!destroy(share, DestroyReason.TAMPER, who)) {
            shares.markQuarantined(share.id());
            forgetSecrets(share);
            removeBlob(share.id(), share.content().blob());
        }
    }

    /**
     * The rest of a destruction whose key deletion already committed (the last view deletes the
     * key in its own transaction and calls this when its stream has ended).
     */
    public void afterShred(ShareRow share, DestroyReason reason, Requester who) {
        Instant now = clock.instant();
        forgetSecrets(share);
        removeBlob(share.id(), share.content().blob());
        log.debug("share.destroyed reason={}", reason); // the access log and the event record it
        ShareEvent event = reason == DestroyReason.EXPIRED
                ? new ShareExpired(share.id(), share.ownerId(), now, who.clientIp(), who.browser(), share.viewsLeft())
                : new ShareDestroyed(share.id(), share.ownerId(), now, who.clientIp(), who.browser(),
                        share.viewsLeft(), reason);
        events.publishEvent(event);
    }

    /** Deletes a blob whose key is already gone (after the last view's stream ended). */
    private void removeBlob(ShareId shareId, @Nullable BlobId blobId) {
        if (blobId == null) {
            return;
        }
        try {
            blobs.delete(blobId);
            shares.clearBlob(shareId);
        } catch (IOException e) {
            // the key is gone, so the blob is unreadable; the clean-up job retries the removal
            log.warn("share.blob_delete_failed error={}", e.getClass().getSimpleName());
        }
    }

    /** Tickets always; OTP and viewer rows only where the policy can have made them. */
    private void forgetSecrets(ShareRow share) {
        String id = share.id().value();
        jdbc.sql("delete from share_tickets where share_id = :id").param("id", id).update();
        if (share.policy().requireOtp()) {
            jdbc.sql("delete from share_otps where share_id = :id").param("id", id).update();
            jdbc.sql("delete from share_otp_recipients where share_id = :id").param("id", id).update();
        }
        if (share.policy().viewRefresh() != null) {
            jdbc.sql("delete from share_viewers where share_id = :id").param("id", id).update();
        }
    }
}
