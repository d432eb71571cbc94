package app.bar.share.request;

import app.bar.platform.SqlTime;
import app.bar.share.core.FailedAttempts;
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

    /** A claimed request waiting for its file answer's upload: the share and the filler's public key are known. */
    void filling(String id, String shareId, String ephemeralPublic) {
        jdbc.sql("update secret_requests set share_id = :share, ephemeral_public = :eph where id = :id and state = 'FILLING'")
                .param("id", id).param("share", shareId).param("eph", ephemeralPublic).update();
    }

    /** The request a file answer's share is uploaded for, while it waits (FILLING). */
    Optional<SecretRequest> fillingWith(String shareId) {
        return jdbc.sql("select * from secret_requests where share_id = :share and state = 'FILLING'")
                .param("share", shareId).query(SecretRequestRepository::row).optional();
    }

    /** FILLING to FULFILLED once the file answer's upload completed; true for exactly one caller. */
    boolean uploaded(String id, String shareId, Instant now) {
        return jdbc.sql("""
                update secret_requests set state = 'FULFILLED', fulfilled_at = :now
                where id = :id and share_id = :share and state = 'FILLING'""")
                .param("id", id).param("share", shareId).param("now", SqlTime.of(now)).update() == 1;
    }

    /** A file answer's share was destroyed before its upload completed: the request is open again. */
    int releaseShare(String shareId) {
        return jdbc.sql("""
                update secret_requests set state = 'OPEN', share_id = null, ephemeral_public = null
                where share_id = :share and state = 'FILLING'""").param("share", shareId).update();
    }

    /** The wrong passwords in a row and the earliest next try, as the brute-force guard reads a share's. */
    FailedAttempts attempts(String id) {
        return jdbc.sql("select failed_attempts, next_attempt_at from secret_requests where id = :id").param("id", id)
                .query((rs, n) -> new FailedAttempts(rs.getInt("failed_attempts"), rs.getInt("failed_attempts"),
                        SqlTime.instant(rs, "next_attempt_at"), null))
                .optional().orElse(FailedAttempts.NONE);
    }

    /** The guard's reservation of one try on an open request (see {@code BruteForceGuard.AttemptStore}). */
    boolean reserveAttempt(String id, int seen, int failures, Instant nextAttemptAt, Instant now) {
        return jdbc.sql("""
                update secret_requests set failed_attempts = :failures, next_attempt_at = :next
                where id = :id and state = 'OPEN' and failed_attempts = :seen
                  and (next_attempt_at is null or next_attempt_at <= :now)""")
                .param("id", id).param("seen", seen).param("failures", failures).param("next", SqlTime.of(nextAttemptAt))
                .param("now", SqlTime.of(now)).update() == 1;
    }

    /** A right password: the reserved try is not counted. */
    void clearAttempts(String id) {
        jdbc.sql("update secret_requests set failed_attempts = 0, next_attempt_at = null where id = :id and state = 'OPEN'")
                .param("id", id).update();
    }

    /** Closes an open request for good after too many wrong passwords. */
    void lock(String id) {
        jdbc.sql("update secret_requests set state = 'LOCKED' where id = :id and state = 'OPEN'").param("id", id).update();
    }

    /**
     * Claims the requester's mail of an answered request, for one caller on one node: sets
     * {@code mailed_at} and counts the attempt, unless it is sent, claimed since {@code staleBefore}
     * (being sent), or {@code maxAttempts} were made. {@link #releaseMail} gives the claim back when
     * the send failed, {@link #mailSent} makes it final; a claim older than {@code staleBefore}
     * and neither (its node stopped between the claim and the mail server's answer) is taken again.
     */
    boolean claimMail(String id, Instant now, Instant staleBefore, int maxAttempts) {
        return jdbc.sql("""
                update secret_requests set mailed_at = :now, mail_attempts = mail_attempts + 1
                where id = :id and state = 'FULFILLED' and notify_by_email = true and mail_sent = false
                  and (mailed_at is null or mailed_at < :stale) and mail_attempts < :max""")
                .param("id", id).param("now", SqlTime.of(now)).param("stale", SqlTime.of(staleBefore))
                .param("max", maxAttempts).update() == 1;
    }

    /** The send of the mail claimed at {@code claimedAt} failed: the next clean-up pass may try again. */
    void releaseMail(String id, Instant claimedAt) {
        jdbc.sql("update secret_requests set mailed_at = null where id = :id and mailed_at = :at and mail_sent = false")
                .param("id", id).param("at", SqlTime.of(claimedAt)).update();
    }

    /** The mail claimed at {@code claimedAt} was handed to the mail server: never sent again. */
    void mailSent(String id, Instant claimedAt) {
        jdbc.sql("update secret_requests set mail_sent = true where id = :id and mailed_at = :at")
                .param("id", id).param("at", SqlTime.of(claimedAt)).update();
    }

    /**
     * Answered requests whose mail may be tried again, the oldest 100: its send failed, or its
     * claim is older than {@code staleBefore} with no outcome.
     */
    List<String> mailsToRetry(Instant staleBefore, int maxAttempts) {
        return jdbc.sql("""
                select id from secret_requests where state = 'FULFILLED' and notify_by_email = true and mail_sent = false
                  and (mailed_at is null or mailed_at < :stale) and mail_attempts > 0 and mail_attempts < :max
                order by fulfilled_at limit 100""")
                .param("stale", SqlTime.of(staleBefore)).param("max", maxAttempts).query(String.class).list();
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
