package app.bar.share.core;

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
    private final ShareSecretsStore secrets;

    ShareRepository(JdbcClient jdbc, ShareSecretsStore secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    /**
     * Stores a new share. Its key, name and inline content are in its secrets blob
     * ({@code content().secrets()}, written before); the row names the blob and the master key id only.
     */
    public void insert(ShareRow s) {
        AccessPolicy p = s.policy();
        StoredContent c = s.content();
        BlobId secrets = java.util.Objects.requireNonNull(c.secrets(), "a new share has a secrets blob");
        Duration refresh = p.viewRefresh();
        ShareId group = s.groupId();
        jdbc.sql("""
                insert into shares (id, kind, state, owner_id, manage_token_hash, created_at, expires_at, max_views,
                    view_refresh_minutes, view_only, requires_password, require_otp, zero_knowledge,
                    burn_after_failed_attempts, content_type, size_bytes, key_id, secrets_blob_id, allow_recipient_burn,
                    group_id)
                values (:id, :kind, :state, :owner, :manage, :created, :expires, :maxViews, :refresh, :viewOnly,
                    :requiresPassword, :requireOtp, :zk, :burn, :contentType, :size, :keyId, :secrets, :recipientBurn,
                    :group)""")
                .param("id", s.id().value()).param("kind", s.kind().value()).param("state", s.state().name())
                .param("owner", s.ownerId()).param("manage", s.manageTokenHash())
                .param("created", SqlTime.of(s.createdAt())).param("expires", SqlTime.of(s.expiresAt()))
                .param("maxViews", p.maxViews()).param("refresh", refresh == null ? null : refresh.toMinutes())
                .param("viewOnly", p.viewOnly()).param("requiresPassword", p.requiresPassword())
                .param("requireOtp", p.requireOtp()).param("zk", p.zeroKnowledge())
                .param("burn", p.burnAfterFailedAttempts()).param("contentType", c.contentType())
                .param("size", c.sizeBytes()).param("keyId", s.keys().sealed().kid()).param("secrets", secrets.value())
                .param("recipientBurn", p.allowRecipientBurn())
                .param("group", group == null ? null : group.value())
                .update();
    }

    /** The share with its secrets (from its secrets blob, or a legacy row's own columns). */
    /** Replaces the manage token's hash (a request's file answer: the filler's upload token stops working once used). */
    public void replaceManageTokenHash(ShareId id, String hash) {
        jdbc.sql("update shares set manage_token_hash = :hash where id = :id").param("id", id.value()).param("hash", hash)
                .update();
    }

    public Optional<ShareRow> find(ShareId id) {
        return jdbc.sql("select * from shares where id = :id").param("id", id.value()).query(ShareRowMapper.INSTANCE)
                .optional().map(this::withSecrets);
    }

    public List<ShareRow> findOwnedBy(String ownerId) {
        return jdbc.sql("select * from shares where owner_id = :owner order by created_at desc")
                .param("owner", ownerId).query(ShareRowMapper.INSTANCE).list().stream().map(this::withSecrets).toList();
    }

    /** A row as read, completed from its secrets blob; a blob gone meanwhile leaves it keyless (not live). */
    private ShareRow withSecrets(ShareRow row) {
        BlobId blob = row.content().secrets();
        if (blob == null) {
            return row;
        }
        return secrets.read(blob).map(found -> row.withSecrets(blob, found)).orElse(row);
    }

    /**
     * Takes the share for upload attempt {@code seen + 1}: from PENDING, or from UPLOADING when an
     * earlier attempt is stuck (crash, cut connection; issue 11 item 6). Compare-and-increment in one
     * conditional update, so of two concurrent attempts that read the same number only one wins.
     */
    public boolean startUpload(ShareId id, Instant now, int seen) {
        return jdbc.sql("""
                update shares set state = 'UPLOADING', upload_started_at = :now, upload_attempt = upload_attempt + 1
                where id = :id and state in ('PENDING', 'UPLOADING') and expires_at > :now and upload_attempt = :seen""")
                .param("id", id.value()).param("now", SqlTime.of(now)).param("seen", seen).update() == 1;
    }

    /** The number of the last upload attempt that took the share (0: none yet). */
    public int uploadAttempt(ShareId id) {
        return jdbc.sql("select upload_attempt from shares where id = :id").param("id", id.value())
                .query(Integer.class).optional().orElse(0);
    }

    /** The data key of a pending file share, sealed under its manage token (see {@link app.bar.share.create.UploadKeys}). */
    public void saveUploadKey(ShareId id, String sealed) {
        jdbc.sql("update shares set upload_key = :k where id = :id").param("id", id.value()).param("k", sealed).update();
    }

    public Optional<String> uploadKey(ShareId id) {
        return jdbc.sql("select upload_key from shares where id = :id and upload_key is not null").param("id", id.value())
                .query(String.class).optional();
    }

    /** Gives the share back to PENDING unless a newer attempt holds it. */
    public void abortUpload(ShareId id, int attempt) {
        jdbc.sql("""
                update shares set state = 'PENDING', upload_started_at = null
                where id = :id and state = 'UPLOADING' and upload_attempt = :attempt""")
                .param("id", id.value()).param("attempt", attempt).update();
    }

    /** Completes attempt {@code attempt}; false when the share is gone or a newer attempt took it over. */
    public boolean completeUpload(ShareId id, int attempt, BlobId blob, long size, String contentType) {
        return jdbc.sql("""
                update shares set state = 'ACTIVE', blob_id = :blob, upload_key = null, size_bytes = :size,
                    content_type = :type
                where id = :id and state = 'UPLOADING' and upload_attempt = :attempt""")
                .param("id", id.value()).param("attempt", attempt).param("blob", blob.value()).param("size", size).param("type", contentType).update() == 1;
    }

    /**
     * Gives every other member of {@code group} still waiting for its content the content the
     * upload to {@code first} stored (per-recipient links are uploaded once); returns how many.
     */
    public int completeGroup(ShareId group, ShareId first, BlobId blob, long size, String contentType) {
        return jdbc.sql("""
                update shares set state = 'ACTIVE', blob_id = :blob, size_bytes = :size, content_type = :type
                where group_id = :group and id <> :first and state = 'PENDING'""")
                .param("group", group.value()).param("first", first.value()).param("blob", blob.value())
                .param("size", size).param("type", contentType).update();
    }

    /** How many shares still name the content blob {@code blob} (the members of a group share one). */
    public int blobUsers(BlobId blob) {
        return jdbc.sql("select count(*) from shares where blob_id = :blob").param("blob", blob.value())
                .query(Integer.class).single();
    }

    /** Takes one view if one is left; the caller's transaction then holds the row lock. */
    public boolean consumeView(ShareId id, Instant now) {
        return jdbc.sql("""
                update shares set views_used = views_used + 1
                where id = :id and state = 'ACTIVE' and expires_at > :now
                  and (secrets_blob_id is not null or wrapped_key is not null)
                  and (max_views is null or views_used < max_views)""")
                .param("id", id.value()).param("now", SqlTime.of(now)).update() == 1;
    }

    public int viewsUsed(ShareId id) {
        return jdbc.sql("select views_used from shares where id = :id").param("id", id.value()).query(Integer.class).single();
    }

    /**
     * Gives back a view whose content could not be read from storage; false when the share is no
     * longer live (burned or shredded meanwhile) or used none.
     */
    public boolean returnView(ShareId id) {
        return jdbc.sql("""
                update shares set views_used = views_used - 1, exhausted_at = null
                where id = :id and state = 'ACTIVE' and views_used > 0 and (secrets_blob_id is not null or wrapped_key is not null)""")
                .param("id", id.value()).update() == 1;
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
     * Crypto-shreds a live share: the row forgets its secrets blob (and a legacy row its key,
     * content, filename and verifiers), a tombstone is left. Present for exactly one caller, however
     * many nodes try at once: the result names the secrets blob the caller must delete once its
     * transaction committed (read under the row lock, so a concurrent {@code rewrap} cannot swap it).
     */
    public Optional<Shredded> shred(ShareId id, ShareState to, DestroyReason reason, Instant now) {
        Optional<String> blob = jdbc.sql("select secrets_blob_id from shares where id = :id for update")
                .param("id", id.value()).query((rs, n) -> rs.getString(1)).optional();
        boolean won = jdbc.sql("""
                update shares set state = :to, destroy_reason = :reason, destroyed_at = :now, key_id = null,
                    secrets_blob_id = null, wrapped_key = null, upload_key = null, inline_content = null, filename = null,
                    kdf = null, access_verifier = null, link_verifier = null, content_type = null
                where id = :id and state in """ + LIVE_STATES)
                .param("id", id.value()).param("to", to.name()).param("reason", reason.name()).param("now", SqlTime.of(now))
                .update() == 1;
        return won ? Optional.of(new Shredded(blob.map(BlobId::new).orElse(null))) : Optional.empty();
    }

    /** A share this caller shredded, and its secrets blob to delete after the commit (none for a legacy row). */
    public record Shredded(@org.jspecify.annotations.Nullable BlobId secretsBlob) {
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

    /** Points a share at its re-sealed secrets blob, if it still names {@code from}. */
    public boolean replaceSecrets(ShareId id, BlobId from, BlobId to, String kid) {
        return jdbc.sql("update shares set secrets_blob_id = :to, key_id = :kid where id = :id and secrets_blob_id = :from")
                .param("id", id.value()).param("from", from.value()).param("to", to.value()).param("kid", kid).update() == 1;
    }

    /**
     * Moves a legacy row's secrets to the secrets blob {@code to}: its key, name, inline content
     * and verifiers leave the row, if it still holds the key {@code wrappedKey} and no blob yet.
     */
    public boolean moveSecretsToBlob(ShareId id, String wrappedKey, BlobId to) {
        return jdbc.sql("""
                update shares set secrets_blob_id = :to, wrapped_key = null, inline_content = null, filename = null,
                    kdf = null, access_verifier = null, link_verifier = null
                where id = :id and secrets_blob_id is null and wrapped_key = :key""")
                .param("id", id.value()).param("key", wrappedKey).param("to", to.value()).update() == 1;
    }

    /** Live shares whose secrets are still in their row (from before secrets blobs). */
    public List<ShareId> idsWithSecretsInRow(int limit) {
        return jdbc.sql("select id from shares where secrets_blob_id is null and wrapped_key is not null and state in "
                + LIVE_STATES + " order by id limit :limit")
                .param("limit", limit).query((rs, n) -> new ShareId(rs.getString("id"))).list();
    }

    public List<ShareId> idsWithKeyNotUnder(String kid, int limit) {
        return jdbc.sql("""
                select id from shares where (secrets_blob_id is not null or wrapped_key is not null) and key_id <> :kid
                order by id limit :limit""")
                .param("kid", kid).param("limit", limit).query((rs, n) -> new ShareId(rs.getString("id"))).list();
    }
}
