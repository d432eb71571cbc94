package app.bar.share.request;

import app.bar.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code secret_requests} table. Answering is one conditional update ({@link #claim}) whose row
 * count decides, so two fillers at once (on two nodes) cannot both answer.
 */
@Repository
class SecretRequestRepository {

    private final JdbcClient jdbc;

    SecretRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SecretRequest r) {
        jdbc.sql("""
                insert into secret_requests (id, owner_account_id, note, max_bytes, max_views, share_expires_seconds,
                    password_params, password_hash, failed_attempts, state, created_at, expires_at, notify_by_email)
                values (:id, :owner, :note, :maxBytes, :maxViews, :shareExpires, :params, :hash, 0, :state, :created, :expires,
                    :notify)""")
                .param("id", r.id()).param("owner", r.ownerAccountId()).param("note", r.note())
                .param("maxBytes", r.maxBytes()).param("maxViews", r.maxViews())
                .param("shareExpires", r.shareExpiresSeconds()).param("params", r.passwordParams())
                .param("hash", r.passwordHash()).param("state", r.state().name())
                .param("created", SqlTime.of(r.createdAt())).param("expires", SqlTime.of(r.expiresAt()))
                .param("notify", r.notifyByEmail()).update();
    }

    Optional<SecretRequest> find(String id) {
        return jdbc.sql("select * from secret_requests where id = :id").param("id", id).query(SecretRequestRepository::row)
                .optional();
    }

    List<SecretRequest> ofOwner(String accountId) {
        return jdbc.sql("select * from secret_requests where owner_account_id = :owner order by created_at desc, id")
                .param("owner", accountId).query(SecretRequestRepository::row).list();
    }

    /** OPEN and unexpired → FILLING, in one statement: true for exactly one caller. */
    boolean claim(String id, Instant now) {
        return jdbc.sql("update secret_requests set state = 'FILLING' where id = :id and state = 'OPEN' and expires_at > :now")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    /** Gives a claim back when the answer could not be stored (too large, storage down): the filler may try again. */
    void release(String id) {
        jdbc.sql("update secret_requests set state = 'OPEN' where id = :id and state = 'FILLING'").param("id", id).update();
    }

    void fulfilled(String id, String shareId, String ephemeralPublic, Instant now) {
        jdbc.sql("""
                update secret_requests set state = 'FULFILLED', share_id = :share, ephemeral_public = :eph, fulfilled_at = :now
                where id = :id and state = 'FILLING'""")
                .param("id", id).param("share", shareId).param("eph", ephemeralPublic).param("now", SqlTime.of(now)).update();
    }

    /** Counts a wrong password; the request locks at {@code limit}. Returns the attempts left. */
    int failedAttempt(String id, int limit) {
        jdbc.sql("""
                update secret_requests set failed_attempts = failed_attempts + 1,
                    state = case when failed_attempts + 1 >= :limit then 'LOCKED' else state end
                where id = :id and state = 'OPEN'""")
                .param("id", id).param("limit", limit).update();
        int failed = jdbc.sql("select failed_attempts from secret_requests where id = :id").param("id", id)
                .query(Integer.class).optional().orElse(limit);
        return Math.max(0, limit - failed);
    }

    /** Marks the requester's mail as sent; false when it was (an event delivered twice) or the request is gone. */
    boolean markMailed(String id, Instant now) {
        return jdbc.sql("update secret_requests set mailed_at = :now where id = :id and notify_by_email = true and mailed_at is null")
                .param("id", id).param("now", SqlTime.of(now)).update() == 1;
    }

    boolean delete(String id, String ownerAccountId) {
        return jdbc.sql("delete from secret_requests where id = :id and owner_account_id = :owner")
                .param("id", id).param("owner", ownerAccountId).update() == 1;
    }

    /**
     * Forgets the requests that were never answered and expired before {@code before} (their note
     * with them); answered ones stay, since the requester needs the answer's public key to open it.
     */
    int deleteUnansweredExpiredBefore(Instant before) {
        return jdbc.sql("delete from secret_requests where state <> 'FULFILLED' and expires_at < :before")
                .param("before", SqlTime.of(before)).update();
    }

    int deleteOfOwner(String ownerAccountId) {
        return jdbc.sql("delete from secret_requests where owner_account_id = :owner").param("owner", ownerAccountId).update();
    }

    private static SecretRequest row(ResultSet rs, int n) throws SQLException {
        return new SecretRequest(rs.getString("id"), rs.getString("owner_account_id"), rs.getString("note"),
                rs.getInt("max_bytes"), rs.getInt("max_views"), rs.getLong("share_expires_seconds"),
                rs.getString("password_params"), rs.getString("password_hash"), rs.getInt("failed_attempts"),
                SecretRequest.State.valueOf(rs.getString("state")), rs.getString("share_id"), rs.getString("ephemeral_public"),
                Objects.requireNonNull(SqlTime.instant(rs, "created_at")), Objects.requireNonNull(SqlTime.instant(rs, "expires_at")), SqlTime.instant(rs, "fulfilled_at"),
                rs.getBoolean("notify_by_email"));
    }
}
