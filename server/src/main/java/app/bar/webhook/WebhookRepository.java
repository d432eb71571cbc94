package app.bar.webhook;

import app.bar.crypto.SealedSecret;
import app.bar.platform.SqlTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code account_webhooks} and {@code share_webhooks}: where an owner's events go. */
@Repository
class WebhookRepository {

    /** Which webhook a delivery goes to: the share's own, or the owner's account webhook. */
    enum Target { SHARE, ACCOUNT }

    /**
     * A configured webhook. {@code owner} names it for its sealed secret and URL ({@code account:<id>}
     * or {@code share:<id>}); the URL may carry a token (Discord, Slack), so it is sealed and never logged.
     */
    record Endpoint(Target target, String owner, String accountId, SealedSecret sealed, Instant createdAt) {
        @Override
        public String toString() {
            return "Endpoint[" + owner + "]";
        }
    }

    private final JdbcClient jdbc;

    WebhookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    static String accountOwner(String accountId) {
        return "account:" + accountId;
    }

    static String shareOwner(String shareId) {
        return "share:" + shareId;
    }

    Optional<Endpoint> account(String accountId) {
        return jdbc.sql("select * from account_webhooks where account_id = :a").param("a", accountId)
                .query((rs, n) -> endpoint(rs, Target.ACCOUNT, accountOwner(accountId))).optional();
    }

    Optional<Endpoint> share(String shareId) {
        return jdbc.sql("select * from share_webhooks where share_id = :s").param("s", shareId)
                .query((rs, n) -> endpoint(rs, Target.SHARE, shareOwner(shareId))).optional();
    }

    /** Where an event of {@code shareId} goes: its own webhook, else its owner's account webhook. */
    Optional<Endpoint> destination(String shareId, String ownerAccountId) {
        Optional<Endpoint> own = share(shareId);
        return own.isPresent() ? own : account(ownerAccountId);
    }

    Optional<Endpoint> of(Target target, String shareId, String accountId) {
        return target == Target.SHARE ? share(shareId) : account(accountId);
    }

    /** Sets the account webhook, replacing URL and secret when there is one (no insert race fails). */
    void saveAccount(String accountId, SealedSecret sealed, Instant now) {
        if (updateAccount(accountId, sealed, now) == 1) {
            return;
        }
        int inserted = jdbc.sql("""
                insert into account_webhooks (account_id, key_id, sealed_secret, created_at)
                values (:a, :kid, :sealed, :now) on conflict do nothing""")
                .param("a", accountId).param("kid", sealed.kid()).param("sealed", sealed.value())
                .param("now", SqlTime.of(now)).update();
        if (inserted == 0) {
            updateAccount(accountId, sealed, now); // a concurrent PUT inserted first: the later one wins
        }
    }

    private int updateAccount(String accountId, SealedSecret sealed, Instant now) {
        return jdbc.sql("""
                update account_webhooks set key_id = :kid, sealed_secret = :sealed, created_at = :now
                where account_id = :a""")
                .param("a", accountId).param("kid", sealed.kid()).param("sealed", sealed.value())
                .param("now", SqlTime.of(now)).update();
    }

    boolean deleteAccount(String accountId) {
        return jdbc.sql("delete from account_webhooks where account_id = :a").param("a", accountId).update() == 1;
    }

    void saveShare(String shareId, String accountId, SealedSecret sealed, Instant now, Instant expiresAt) {
        jdbc.sql("""
                insert into share_webhooks (share_id, account_id, key_id, sealed_secret, created_at, expires_at)
                values (:s, :a, :kid, :sealed, :now, :expires)""")
                .param("s", shareId).param("a", accountId).param("kid", sealed.kid())
                .param("sealed", sealed.value()).param("now", SqlTime.of(now)).param("expires", SqlTime.of(expiresAt))
                .update();
    }

    /** Every webhook of an account (its default and its shares'), for a deleted account. */
    int deleteAllOf(String accountId) {
        return jdbc.sql("delete from account_webhooks where account_id = :a").param("a", accountId).update()
                + jdbc.sql("delete from share_webhooks where account_id = :a").param("a", accountId).update();
    }

    /** Share webhooks whose share expired before {@code before} (their last deliveries are over by then). */
    int purgeShareWebhooks(Instant before) {
        return jdbc.sql("delete from share_webhooks where expires_at < :before")
                .param("before", SqlTime.of(before)).update();
    }

    /** Webhooks whose secret is sealed under another master key, for {@code rewrap}. */
    List<Endpoint> sealedNotUnder(String kid, int limit) {
        List<Endpoint> accounts = jdbc.sql("select * from account_webhooks where key_id <> :kid order by account_id limit :n")
                .param("kid", kid).param("n", limit)
                .query((rs, n) -> endpoint(rs, Target.ACCOUNT, accountOwner(rs.getString("account_id")))).list();
        List<Endpoint> shares = jdbc.sql("select * from share_webhooks where key_id <> :kid order by share_id limit :n")
                .param("kid", kid).param("n", limit)
                .query((rs, n) -> endpoint(rs, Target.SHARE, shareOwner(rs.getString("share_id")))).list();
        return java.util.stream.Stream.concat(accounts.stream(), shares.stream()).toList();
    }

    /** Replaces a sealed secret only if it is still the one read (safe next to a PUT or a second rewrap). */
    boolean updateSealed(Endpoint endpoint, SealedSecret next) {
        String table = endpoint.target() == Target.ACCOUNT ? "account_webhooks" : "share_webhooks";
        String key = endpoint.target() == Target.ACCOUNT ? "account_id" : "share_id";
        String id = endpoint.owner().substring(endpoint.owner().indexOf(':') + 1);
        return jdbc.sql("update " + table + " set key_id = :newKid, sealed_secret = :newValue where " + key
                        + " = :id and key_id = :oldKid and sealed_secret = :oldValue")
                .param("id", id).param("newKid", next.kid()).param("newValue", next.value())
                .param("oldKid", endpoint.sealed().kid()).param("oldValue", endpoint.sealed().value()).update() == 1;
    }

    private static Endpoint endpoint(ResultSet rs, Target target, String owner) throws SQLException {
        return new Endpoint(target, owner, rs.getString("account_id"),
                new SealedSecret(rs.getString("key_id"), rs.getString("sealed_secret")),
                Objects.requireNonNull(SqlTime.instant(rs, "created_at")));
    }
}
