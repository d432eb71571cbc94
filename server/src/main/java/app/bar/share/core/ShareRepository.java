package app.bar.share.core;

import app.bar.crypto.SealedKey;
import app.bar.platform.SqlTime;
import app.bar.share.DestroyReason;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
        jdbc.sql("""
                insert into shares (id, kind, state, owner_id, manage_token_hash, created_at, expires_at, max_views,
                    view_refresh_minutes, view_only, requires_password, kdf, require_otp, zero_knowledge,
                    access_verifier, burn_after_failed_attempts, filename, content_type, size_bytes, inline_content,
                    key_id, wrapped_key)
                values (:id, :kind, :state, :owner, :manage, :created, :expires, :maxViews, :refresh, :viewOnly,
                    :requiresPassword, :kdf, :requireOtp, :zk, :verifier, :burn, :filename, :contentType, :size,
                    :inline, :keyId, :wrappedKey)""")
                .param("id", s.id()).param("kind", s.kind()).param("state", s.state().name())
                .param("owner", s.ownerId()).param("manage", s.manageTokenHash())
                .param("created", SqlTime.of(s.createdAt())).param("expires", SqlTime.of(s.expiresAt()))
                .param("maxViews", s.maxViews()).param("refresh", s.viewRefreshMinutes())
                .param("viewOnly", s.viewOnly()).param("requiresPassword", s.requiresPassword())
                .param("kdf", s.kdf()).param("requireOtp", s.requireOtp()).param("zk", s.zeroKnowledge())
                .param("verifier", s.accessVerifier()).param("burn", s.burnAfterFailedAttempts())
                .param("filename", s.filename()).param("contentType", s.contentType()).param("size", s.sizeBytes())
                .param("inline", s.inlineContent()).param("keyId", s.keyId()).param("wrappedKey", s.wrappedKey())
                .update();
    }

    public Optional<ShareRow> find(String id) {
        return jdbc.sql("select * from shares where id = :id").param("id", id).query(ShareRepository::map).optional();
    }

    public List<ShareRow> findOwnedBy(String ownerId) {
        return jdbc.sql("select * from shares where owner_id = :owner order by created_at desc")
                .param("owner", ownerId).query(ShareRepository::map).list();
    }

    public boolean startUpload(String id, Instant now) {
        return jdbc.sql("""
                update shares set state = 'UPLOADING', upload_started_at = :now
                where id = :id and state = 'PENDING' and expires_at > :now""")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    /** The data key of a pending file share, sealed under its manage token (see {@link app.bar.share.create.UploadKeys}). */
    public void saveUploadKey(String id, String sealed) {
        jdbc.sql("update shares set upload_key = :k where id = :id").param("id", id).param("k", sealed).update();
    }

    public Optional<String> uploadKey(String id) {
        return jdbc.sql("select upload_key from shares where id = :id and upload_key is not null").param("id", id)
                .query(String.class).optional();
    }

    public void abortUpload(String id) {
        jdbc.sql("update shares set state = 'PENDING', upload_started_at = null where id = :id and state = 'UPLOADING'")
                .param("id", id).update();
    }

    public boolean completeUpload(String id, String blobId, long size, String contentType) {
        return jdbc.sql("""
                update shares set state = 'ACTIVE', blob_id = :blob, upload_key = null, size_bytes = :size,
                    content_type = :type
                where id = :id and state = 'UPLOADING'""")
                .param("id", id).param("blob", blobId).param("size", size).param("type", contentType).update() == 1;
    }

    /** Takes one view if one is left; the caller's transaction then holds the row lock. */
    public boolean consumeView(String id, Instant now) {
        return jdbc.sql("""
                update shares set views_used = views_used + 1
                where id = :id and state = 'ACTIVE' and expires_at > :now and wrapped_key is not null
                  and (max_views is null or views_used < max_views)""")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    public int viewsUsed(String id) {
        return jdbc.sql("select views_used from shares where id = :id").param("id", id).query(Integer.class).single();
    }

    public void markExhausted(String id, Instant now) {
        jdbc.sql("update shares set exhausted_at = :now where id = :id").param("id", id).param("now", SqlTime.of(now))
                .update();
    }

    /** Reserves a password attempt: succeeds only if nobody else counted one since {@code seenFailures}. */
    public boolean reserveAttempt(String id, int seenFailures, int newFailures, Instant nextAttemptAt, Instant now) {
        return jdbc.sql("""
                update shares set failed_attempts = :newFailures, next_attempt_at = :next, locked_until = null
                where id = :id and state = 'ACTIVE' and failed_attempts = :seen
                  and (next_attempt_at is null or next_attempt_at <= :now)
                  and (locked_until is null or locked_until <= :now)""")
                .param("id", id).param("seen", seenFailures).param("newFailures", newFailures)
                .param("next", SqlTime.of(nextAttemptAt)).param("now", SqlTime.of(now)).update() == 1;
    }

    public void clearAttempts(String id) {
        jdbc.sql("update shares set failed_attempts = 0, next_attempt_at = null, locked_until = null where id = :id")
                .param("id", id).update();
    }

    /** Counts a confirmed failure towards {@code burnAfterFailedAttempts}; returns the new total. */
    public int countFailure(String id) {
        jdbc.sql("update shares set total_failed_attempts = total_failed_attempts + 1 where id = :id").param("id", id)
                .update();
        return jdbc.sql("select total_failed_attempts from shares where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    public void lock(String id, Instant until) {
        jdbc.sql("update shares set locked_until = :until where id = :id").param("id", id)
                .param("until", SqlTime.of(until)).update();
    }

    /**
     * Crypto-shreds a live share: key, content, filename and verifiers gone, a tombstone left.
     * True for exactly one caller, however many nodes try at once.
     */
    public boolean shred(String id, ShareState to, DestroyReason reason, Instant now) {
        return jdbc.sql("""
                update shares set state = :to, destroy_reason = :reason, destroyed_at = :now, key_id = null,
                    wrapped_key = null, upload_key = null, inline_content = null, filename = null, kdf = null, access_verifier = null,
                    content_type = null
                where id = :id and state in """ + LIVE_STATES)
                .param("id", id).param("to", to.name()).param("reason", reason.name()).param("now", SqlTime.of(now))
                .update() == 1;
    }

    public void markQuarantined(String id) {
        jdbc.sql("update shares set state = 'QUARANTINED', destroy_reason = 'TAMPER' where id = :id and state = 'DESTROYED'")
                .param("id", id).update();
    }

    public void clearBlob(String id) {
        jdbc.sql("update shares set blob_id = null where id = :id").param("id", id).update();
    }

    public boolean updateKey(String id, SealedKey from, SealedKey to) {
        return jdbc.sql("""
                update shares set key_id = :newKid, wrapped_key = :newKey
                where id = :id and key_id = :oldKid and wrapped_key = :oldKey""")
                .param("id", id).param("newKid", to.kid()).param("newKey", to.value())
                .param("oldKid", from.kid()).param("oldKey", from.value()).update() == 1;
    }

    public List<String> idsWithKeyNotUnder(String kid, int limit) {
        return jdbc.sql("select id from shares where wrapped_key is not null and key_id <> :kid order by id limit :limit")
                .param("kid", kid).param("limit", limit).query(String.class).list();
    }

    public static ShareRow map(ResultSet rs, int row) throws SQLException {
        return new ShareRow(rs.getString("id"), rs.getString("kind"), ShareState.valueOf(rs.getString("state")),
                rs.getString("owner_id"), rs.getString("manage_token_hash"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "expires_at"), integer(rs, "max_views"), rs.getInt("views_used"),
                SqlTime.instant(rs, "exhausted_at"), integer(rs, "view_refresh_minutes"), rs.getBoolean("view_only"),
                rs.getBoolean("requires_password"), rs.getString("kdf"), rs.getBoolean("require_otp"),
                rs.getBoolean("zero_knowledge"), rs.getString("access_verifier"),
                integer(rs, "burn_after_failed_attempts"), rs.getInt("failed_attempts"),
                rs.getInt("total_failed_attempts"), SqlTime.instant(rs, "next_attempt_at"),
                SqlTime.instant(rs, "locked_until"), rs.getString("filename"), rs.getString("content_type"),
                longOrNull(rs, "size_bytes"), rs.getString("blob_id"), rs.getString("inline_content"),
                rs.getString("key_id"), rs.getString("wrapped_key"), SqlTime.instant(rs, "destroyed_at"),
                rs.getString("destroy_reason"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static @Nullable Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
