package app.bar.share.core;

import app.bar.crypto.KdfParams;
import app.bar.crypto.SealedKey;
import app.bar.platform.SqlTime;
import app.bar.share.DestroyReason;
import app.bar.share.ShareId;
import app.bar.storage.BlobId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;

/**
 * A {@code shares} row (all columns) as a {@link ShareRow}: kind and reasons as enums, the view
 * window as a {@link Duration}, the key and KDF parameters as crypto types, the blobs as
 * {@link BlobId}s. A row with a secrets blob has no key, name or inline content in its columns:
 * {@link ShareRepository} reads them from the blob.
 */
public final class ShareRowMapper implements RowMapper<ShareRow> {

    public static final ShareRowMapper INSTANCE = new ShareRowMapper();

    private ShareRowMapper() {
    }

    @Override
    public ShareRow mapRow(ResultSet rs, int row) throws SQLException {
        return new ShareRow(new ShareId(rs.getString("id")), kind(rs.getString("kind")),
                ShareState.valueOf(rs.getString("state")), rs.getString("owner_id"), rs.getString("manage_token_hash"),
                Objects.requireNonNull(SqlTime.instant(rs, "created_at")),
                Objects.requireNonNull(SqlTime.instant(rs, "expires_at")), policy(rs), keys(rs), content(rs),
                new ViewCount(rs.getInt("views_used"), SqlTime.instant(rs, "exhausted_at")),
                new FailedAttempts(rs.getInt("failed_attempts"), rs.getInt("total_failed_attempts"),
                        SqlTime.instant(rs, "next_attempt_at"), SqlTime.instant(rs, "locked_until")),
                destruction(rs), group(rs));
    }

    private static AccessPolicy policy(ResultSet rs) throws SQLException {
        Integer refreshMinutes = integer(rs, "view_refresh_minutes");
        return new AccessPolicy(integer(rs, "max_views"),
                refreshMinutes == null ? null : Duration.ofMinutes(refreshMinutes), rs.getBoolean("view_only"),
                rs.getBoolean("requires_password"), rs.getBoolean("require_otp"), rs.getBoolean("zero_knowledge"),
                integer(rs, "burn_after_failed_attempts"), rs.getBoolean("allow_recipient_burn"));
    }

    private static ShareKeys keys(ResultSet rs) throws SQLException {
        String kdf = rs.getString("kdf");
        String kid = rs.getString("key_id");
        String wrapped = rs.getString("wrapped_key");
        SealedKey sealed = kid == null || wrapped == null ? null : new SealedKey(kid, wrapped, kdf != null);
        return new ShareKeys(sealed, kdf == null ? null : KdfParams.decode(kdf), rs.getString("access_verifier"),
                rs.getString("link_verifier"), null);
    }

    private static StoredContent content(ResultSet rs) throws SQLException {
        String blob = rs.getString("blob_id");
        String secrets = rs.getString("secrets_blob_id");
        long size = rs.getLong("size_bytes");
        Long sizeBytes = rs.wasNull() ? null : size;
        return new StoredContent(rs.getString("filename"), rs.getString("content_type"), sizeBytes,
                blob == null ? null : new BlobId(blob), rs.getString("inline_content"),
                secrets == null ? null : new BlobId(secrets));
    }

    private static @Nullable Destruction destruction(ResultSet rs) throws SQLException {
        String reason = rs.getString("destroy_reason");
        if (reason == null) {
            return null;
        }
        Instant at = Objects.requireNonNull(SqlTime.instant(rs, "destroyed_at"), "a destroyed share has destroyed_at");
        return new Destruction(at, DestroyReason.valueOf(reason));
    }

    private static @Nullable ShareId group(ResultSet rs) throws SQLException {
        String group = rs.getString("group_id");
        return group == null ? null : new ShareId(group);
    }

    /** {@code shares.kind} holds the kind's API name. */
    static ShareKind kind(String column) {
        return ShareKind.of(column).orElseThrow(() -> new IllegalStateException("unknown share kind in the database"));
    }

    private static @Nullable Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
