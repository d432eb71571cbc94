package app.bar.share.core;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import app.bar.platform.SqlTime;
import app.bar.share.DestroyReason;
import app.bar.share.ShareId;
import app.bar.storage.BlobId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code shares}. Everything counted or consumed changes by one conditional update whose
 * row count decides (views, attempts, state changes), so two nodes never both win.
 */
@Repository
public class ShareRepository {

    public static final String LIVE_STATES = "('PENDING','UPLOADING','ACTIVE')";

    private final JdbcClient jdbc;

    ShareRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(ShareRow s) {
        AccessPolicy p = s.policy();
        ShareKeys k = s.keys();
        StoredContent c = s.content();
        SealedKey sealed = k.sealed();
        KdfParams kdf = k.kdf();
        Duration refresh = p.viewRefresh();
        jdbc.sql("""
                insert into shares (id, kind, state, owner_id, manage_token_hash, created_at, expires_at, max_views,
                    view_refresh_minutes, view_only, requires_password, kdf, require_otp, zero_knowledge,
                    access_verifier, burn_after_failed_attempts, filename, content_type, size_bytes, inline_content,
                    key_id, wrapped_key)
                values (:id, :kind, :state, :owner, :manage, :created, :expires, :maxViews, :refresh, :viewOnly,
                    :requiresPassword, :kdf, :requireOtp, :zk, :verifier, :burn, :filename, :contentType, :size,
                    :inline, :keyId, :wrappedKey)""")
                .param("id", s.id().value()).param("kind", s.kind().value()).param("state", s.state().name())
                .param("owner", s.ownerId()).param("manage", s.manageTokenHash())
                .param("created", SqlTime.of(s.createdAt())).param("expires", SqlTime.of(s.expiresAt()))
                .param("maxViews", p.maxViews()).param("refresh", refresh == null ? null : refresh.toMinutes())
                .param("viewOnly", p.viewOnly()).param("requiresPassword", p.requiresPassword())
                .param("kdf", kdf == null ? null : kdf.encode()).param("requireOtp", p.requireOtp())
                .param("zk", p.zeroKnowledge()).param("verifier", k.accessVerifier())
                .param("burn", p.burnAfterFailedAttempts()).param("filename", c.filename())
                .param("contentType", c.contentType()).param("size", c.sizeBytes()).param("inline", c.inline())
                .param("keyId", sealed.kid()).param("wrappedKey", sealed.value())
                .update();
    }

    public Optional<ShareRow> find(ShareId id) {
        return jdbc.sql("select * from shares where id = :id").param("id", id.value()).query(ShareRowMapper.INSTANCE).optional();
    }

    public List<ShareRow> findOwnedBy(String ownerId) {
        return jdbc.sql("select * from shares where owner_id = :owner order by created_at desc")
                .param("owner", ownerId).query(ShareRowMapper.INSTANCE).list();
    }

    public boolean startUpload(ShareId id, Instant now) {
        return jdbc.sql("""
                update shares set state = 'UPLOADING', upload_started_at = :now
                where id = :id and state = 'PENDING' and expires_at > :now""")
                .param("id", id.value()).param("now", SqlTime.of(now)).update() == 1;
    }

    /** The data key of a pending file share, sealed under its manage token (see {@link app.bar.share.create.UploadKeys}). */
    public void saveUploadKey(ShareId id, String sealed) {
        jdbc.sql("update shares set upload_key = :k where id = :id").param("id", id.value()).param("k", sealed).update();
    }

    public Optional<String> uploadKey(ShareId id) {
        return jdbc.sql("select upload_key from shares where id = :id and upload_key is not null").param("id", id.value())
                .query(String.class).optional();
    }

    public void abortUpload(ShareId id) {
        jdbc.sql("update shares set state = 'PENDING', upload_started_at = null where id = :id and state = 'UPLOADING'")
                .param("id", id.value()).update();
    }

    public boolean completeUpload(ShareId id, BlobId blob, long size, String contentType) {
        return jdbc.sql("""
                update shares set state = 'ACTIVE', blob_id = :blob, upload_key = null, size_bytes = :size,
                    content_type = :type
                where id = :id and state = 'UPLOADING'""")
                .param("id", id.value()).param("blob", blob.value()).param("size", size).param("type", contentType).update() == 1;
    }

    /** Takes one view if one is left; the caller's transaction then holds the row lock. */
    public boolean consumeView(ShareId id, Instant now) {
        return jdbc.sql("""
                update shares set views_used = views_used + 1
                where id = :id and state = 'ACTIVE' and expires_at > :now and wrapped_key is not null
                  and (max_views is null or views_used < max_views)""")
                .param("id", id.value()).param("now", SqlTime.of(now)).update() == 1;
    }

    public int viewsUsed(ShareId id) {
        return jdbc.sql("select views_used from shares where id = :id").param("id", id.value()).query(Integer.class).single();
    }

    public void markExhausted(ShareId id, Instant now) {
        jdbc.sql("update shares set exhausted_at = :now where id = :id").param("id", id.value()).param("now", SqlTime.of(now))
                .update();
    }

    /** Reserves a password attempt: succeeds only if nobody else counted one since {@code seenFailures}. */
    public boolean reserveAttempt(ShareId id, int seenFailures, int newFailures, Instant nextAttemptAt, Instant now) {
        return jdbc.sql("""
                update shares set failed_attempts = :newFailures, next_attempt_at = :next, locked_until = null
                where id = :id and state = 'ACTIVE' and failed_attempts = :seen
                  and (next_attempt_at is null or next_attempt_at <= :now)
                  and (locked_until is null or locked_until <= :now)""")
                .param("id", id.value()).param("seen", seenFailures).param("newFailures", newFailures)
                .param("next", SqlTime.of(nextAttemptAt)).param("now", SqlTime.of(now)).update() == 1;
    }

    public void clearAttempts(ShareId id) {
        jdbc.sql("update shares set failed_attempts = 0, next_attempt_at = null, locked_until = null where id = :id")
                .param("id", id.value()).update();
    }

    /** Counts a confirmed failure towards {@code burnAfterFailedAttempts}; returns the new total. */
    public int countFailure(ShareId id) {
        jdbc.sql("update shares set total_failed_attempts = total_failed_attempts + 1 where id = :id").param("id", id.value())
                .update();
        return jdbc.sql("select total_failed_attempts from shares where id = :id").param("id", id.value())
                .query(Integer.class).single();
    }

    public void lock(ShareId id, Instant until) {
        jdbc.sql("update shares set locked_until = :until where id = :id").param("id", id.value())
                .param("until", SqlTime.of(until)).update();
    }

    /**
     * Crypto-shreds a live share: key, content, filename and verifiers gone, a tombstone left.
     * True for exactly one caller, however many nodes try at once.
     */
    public boolean shred(ShareId id, ShareState to, DestroyReason reason, Instant now) {
        return jdbc.sql("""
                update shares set state = :to, destroy_reason = :reason, destroyed_at = :now, key_id = null,
                    wrapped_key = null, upload_key = null, inline_content = null, filename = null, kdf = null, access_verifier = null,
                    content_type = null
                where id = :id and state in """ + LIVE_STATES)
                .param("id", id.value()).param("to", to.name()).param("reason", reason.name()).param("now", SqlTime.of(now))
                .update() == 1;
    }

    public void markQuarantined(ShareId id) {
        jdbc.sql("update shares set state = 'QUARANTINED', destroy_reason = 'TAMPER' where id = :id and state = 'DESTROYED'")
                .param("id", id.value()).update();
    }

    public void clearBlob(ShareId id) {
        jdbc.sql("update shares set blob_id = null where id = :id").param("id", id.value()).update();
    }

    public boolean updateKey(ShareId id, SealedKey from, SealedKey to) {
        return jdbc.sql("""
                update shares set key_id = :newKid, wrapped_key = :newKey
                where id = :id and key_id = :oldKid and wrapped_key = :oldKey""")
                .param("id", id.value()).param("newKid", to.kid()).param("newKey", to.value())
                .param("oldKid", from.kid()).param("oldKey", from.value()).update() == 1;
    }

    public List<ShareId> idsWithKeyNotUnder(String kid, int limit) {
        return jdbc.sql("select id from shares where wrapped_key is not null and key_id <> :kid order by id limit :limit")
                .param("kid", kid).param("limit", limit).query((rs, n) -> new ShareId(rs.getString("id"))).list();
    }
}
