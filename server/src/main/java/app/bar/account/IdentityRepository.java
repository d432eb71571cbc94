package app.bar.account;

import app.bar.platform.SqlTime;
import app.bar.security.Role;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code account_identities} (which account a provider's subject signs in to) and
 * {@code oidc_pending_links} (a link waiting for the account's password; single use, by one
 * conditional delete).
 */
@Repository
class IdentityRepository {

    private final JdbcClient jdbc;

    IdentityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> accountOf(String provider, String subject) {
        return jdbc.sql("select account_id from account_identities where provider = :provider and subject = :subject")
                .param("provider", provider).param("subject", subject).query(String.class).optional();
    }

    void link(String provider, String subject, String accountId, Instant now) {
        jdbc.sql("""
                insert into account_identities (provider, subject, account_id, created_at)
                values (:provider, :subject, :account, :at)""")
                .param("provider", provider).param("subject", subject).param("account", accountId)
                .param("at", SqlTime.of(now)).update();
    }

    void addPendingLink(String tokenHash, PendingLink link) {
        Role role = link.role();
        jdbc.sql("""
                insert into oidc_pending_links (token_hash, account_id, provider, subject, role, expires_at)
                values (:hash, :account, :provider, :subject, :role, :expires)""")
                .param("hash", tokenHash).param("account", link.accountId()).param("provider", link.provider())
                .param("subject", link.subject()).param("role", role == null ? null : role.name())
                .param("expires", SqlTime.of(link.expiresAt())).update();
    }

    Optional<PendingLink> findPendingLink(String tokenHash, Instant now) {
        return jdbc.sql("""
                select account_id, provider, subject, role, expires_at from oidc_pending_links
                where token_hash = :hash and expires_at > :now""")
                .param("hash", tokenHash).param("now", SqlTime.of(now))
                .query((rs, i) -> new PendingLink(rs.getString("account_id"), rs.getString("provider"),
                        rs.getString("subject"), rs.getString("role") == null ? null : Role.of(rs.getString("role")),
                        SqlTime.instant(rs, "expires_at")))
                .optional();
    }

    /** Uses a pending link up; true only for the one call that did. */
    boolean consumePendingLink(String tokenHash) {
        return jdbc.sql("delete from oidc_pending_links where token_hash = :hash").param("hash", tokenHash).update() == 1;
    }

    void deleteExpiredLinks(Instant now) {
        jdbc.sql("delete from oidc_pending_links where expires_at <= :now").param("now", SqlTime.of(now)).update();
    }

    /** A deleted account keeps no link to anyone's provider identity. */
    void deleteAll(String accountId) {
        jdbc.sql("delete from oidc_pending_links where account_id = :account").param("account", accountId).update();
        jdbc.sql("delete from account_identities where account_id = :account").param("account", accountId).update();
    }

    /** A provider's verified address waiting for the password of the account that has it. */
    record PendingLink(String accountId, String provider, String subject, @Nullable Role role, Instant expiresAt) {
    }
}
