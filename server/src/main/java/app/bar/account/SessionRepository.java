package app.bar.account;

import app.bar.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code sessions} and {@code refresh_tokens}. */
@Repository
class SessionRepository {

    private static final String COLUMNS = "s.id, s.account_id, s.created_at, s.authenticated_at, s.last_used_at, "
            + "s.idle_expires_at, s.expires_at, s.remember_me, s.device, s.client_ip, s.revoked_at";

    private final JdbcClient jdbc;

    SessionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(SessionRow s, String refreshHash) {
        jdbc.sql("""
                insert into sessions (id, account_id, created_at, authenticated_at, last_used_at, idle_expires_at,
                                      expires_at, remember_me, device, client_ip)
                values (:id, :account, :created, :authenticated, :used, :idle, :expires, :remember, :device, :ip)""")
                .param("id", s.id()).param("account", s.accountId()).param("created", SqlTime.of(s.createdAt()))
                .param("authenticated", SqlTime.of(s.authenticatedAt()))
                .param("used", SqlTime.of(s.lastUsedAt())).param("idle", SqlTime.of(s.idleExpiresAt()))
                .param("expires", SqlTime.of(s.expiresAt())).param("remember", s.rememberMe())
                .param("device", s.device()).param("ip", s.clientIp())
                .update();
        addRefreshToken(refreshHash, s.id(), s.createdAt());
    }

    void addRefreshToken(String hash, String familyId, Instant now) {
        jdbc.sql("insert into refresh_tokens (token_hash, family_id, issued_at) values (:hash, :family, :now)")
                .param("hash", hash).param("family", familyId).param("now", SqlTime.of(now)).update();
    }

    /** The session a refresh token belongs to, and whether that token was used already. */
    Optional<RefreshLookup> findByRefreshHash(String hash) {
        return jdbc.sql("select " + COLUMNS + ", r.used_at from refresh_tokens r join sessions s on s.id = r.family_id "
                        + "where r.token_hash = :hash")
                .param("hash", hash)
                .query((rs, i) -> new RefreshLookup(map(rs, i), SqlTime.instant(rs, "used_at") != null))
                .optional();
    }

    /** Marks the refresh token used; true for exactly one caller (rotation is atomic, ASVS 2.3.4). */
    boolean useRefreshToken(String hash, Instant now) {
        return jdbc.sql("update refresh_tokens set used_at = :now where token_hash = :hash and used_at is null")
                .param("now", SqlTime.of(now)).param("hash", hash).update() == 1;
    }

    void touch(String id, Instant now, Instant idleExpiresAt) {
        jdbc.sql("update sessions set last_used_at = :now, idle_expires_at = :idle where id = :id")
                .param("now", SqlTime.of(now)).param("idle", SqlTime.of(idleExpiresAt)).param("id", id).update();
    }

    /** When the user of the live session {@code id} last proved their password. */
    Optional<Instant> authenticatedAt(String id, Instant now) {
        return jdbc.sql("select authenticated_at from sessions where id = :id and revoked_at is null "
                        + "and expires_at > :now and idle_expires_at > :now")
                .param("id", id).param("now", SqlTime.of(now))
                .query((rs, i) -> SqlTime.instant(rs, "authenticated_at")).optional();
    }

    /** The user of the live session {@code id} proved their password at {@code at}. */
    boolean markAuthenticated(String id, Instant at) {
        return jdbc.sql("update sessions set authenticated_at = :at where id = :id and revoked_at is null")
                .param("at", SqlTime.of(at)).param("id", id).update() == 1;
    }

    boolean revoke(String id, Instant now, String reason) {
        return jdbc.sql("update sessions set revoked_at = :now, revoked_reason = :reason where id = :id and revoked_at is null")
                .param("now", SqlTime.of(now)).param("reason", reason).param("id", id).update() == 1;
    }

    /** Ids of the account's live sessions other than {@code except}. */
    List<String> liveIds(String accountId, @Nullable String except, Instant now) {
        return jdbc.sql("""
                select id from sessions
                where account_id = :account and revoked_at is null and expires_at > :now""")
                .param("account", accountId).param("now", SqlTime.of(now))
                .query(String.class).list().stream().filter(id -> !id.equals(except)).toList();
    }

    List<SessionRow> listLive(String accountId, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from sessions s where s.account_id = :account and s.revoked_at is null "
                        + "and s.expires_at > :now and s.idle_expires_at > :now order by s.last_used_at desc")
                .param("account", accountId).param("now", SqlTime.of(now))
                .query(SessionRepository::map).list();
    }

    Optional<SessionRow> findLive(String accountId, String id, Instant now) {
        return jdbc.sql("select " + COLUMNS + " from sessions s where s.id = :id and s.account_id = :account "
                        + "and s.revoked_at is null and s.expires_at > :now")
                .param("id", id).param("account", accountId).param("now", SqlTime.of(now))
                .query(SessionRepository::map).optional();
    }

    /**
     * Until when the session's access tokens count: the earlier of its idle and absolute ends;
     * empty when it was revoked or does not exist (one indexed read, cached by the security module).
     */
    Optional<Instant> activeUntil(String id) {
        return jdbc.sql("select idle_expires_at, expires_at from sessions where id = :id and revoked_at is null")
                .param("id", id)
                .query((rs, i) -> earlier(Objects.requireNonNull(SqlTime.instant(rs, "idle_expires_at")),
                        Objects.requireNonNull(SqlTime.instant(rs, "expires_at"))))
                .optional();
    }

    long countLive(Instant now) {
        return jdbc.sql("select count(*) from sessions where revoked_at is null and expires_at > :now and idle_expires_at > :now")
                .param("now", SqlTime.of(now)).query(Long.class).single();
    }

    /** Removes sessions (and their refresh tokens) that ended before {@code before}. */
    int deleteEnded(Instant before) {
        jdbc.sql("""
                delete from refresh_tokens where family_id in (
                    select id from sessions where expires_at < :before or idle_expires_at < :before or revoked_at < :before)""")
                .param("before", SqlTime.of(before)).update();
        return jdbc.sql("delete from sessions where expires_at < :before or idle_expires_at < :before or revoked_at < :before")
                .param("before", SqlTime.of(before)).update();
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static SessionRow map(ResultSet rs, int row) throws SQLException {
        return new SessionRow(rs.getString("id"), rs.getString("account_id"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "authenticated_at"), SqlTime.instant(rs, "last_used_at"), SqlTime.instant(rs, "idle_expires_at"),
                SqlTime.instant(rs, "expires_at"), rs.getBoolean("remember_me"), rs.getString("device"),
                rs.getString("client_ip"), SqlTime.instant(rs, "revoked_at"));
    }

    /** A session; {@code authenticatedAt}: when its user last proved their password (sign-in, re-authentication). */
    record SessionRow(String id, String accountId, Instant createdAt, Instant authenticatedAt, Instant lastUsedAt,
            Instant idleExpiresAt, Instant expiresAt, boolean rememberMe, String device, String clientIp,
            @Nullable Instant revokedAt) {

        boolean isLive(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now) && idleExpiresAt.isAfter(now);
        }
    }

    record RefreshLookup(SessionRow session, boolean used) {
    }
}
