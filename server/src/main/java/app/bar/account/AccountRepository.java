package app.bar.account;

import app.bar.platform.SqlTime;
import app.bar.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over {@code accounts}. Failure counting and locking are single conditional statements. */
@Repository
class AccountRepository {

    private static final String COLUMNS =
            "id, email, display_name, password_hash, role, state, created_at, locked_until, language";

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Account a) {
        jdbc.sql("""
                insert into accounts (id, email, display_name, password_hash, role, state, created_at, language)
                values (:id, :email, :name, :hash, :role, :state, :at, :language)""")
                .param("id", a.id()).param("email", a.email()).param("name", a.displayName())
                .param("hash", a.passwordHash()).param("role", a.role().name()).param("state", a.state().name())
                .param("at", SqlTime.of(a.createdAt())).param("language", a.language())
                .update();
    }

    Optional<Account> findByEmail(String email) {
        return jdbc.sql("select " + COLUMNS + " from accounts where email = :email")
                .param("email", email).query(AccountRepository::map).optional();
    }

    Optional<Account> findById(String id) {
        return jdbc.sql("select " + COLUMNS + " from accounts where id = :id")
                .param("id", id).query(AccountRepository::map).optional();
    }

    /** Moves the account from {@code from} to {@code to}; false when it was not in {@code from}. */
    boolean changeState(String id, AccountState from, AccountState to) {
        return jdbc.sql("update accounts set state = :to where id = :id and state = :from")
                .param("to", to.name()).param("id", id).param("from", from.name()).update() == 1;
    }

    void updatePasswordHash(String id, String hash) {
        jdbc.sql("update accounts set password_hash = :hash where id = :id").param("hash", hash).param("id", id).update();
    }

    /** The new password of a reset or change also ends a lockout and its count. */
    void replacePassword(String id, String hash) {
        jdbc.sql("""
                update accounts set password_hash = :hash, failed_logins = 0, failure_window_started_at = null,
                       locked_until = null
                where id = :id""").param("hash", hash).param("id", id).update();
    }

    /** Counts one failed login in the current window (a window older than {@code windowStart} restarts). */
    int recordFailure(String id, Instant now, Instant windowStart) {
        jdbc.sql("""
                update accounts set
                    failed_logins = case when failure_window_started_at is null
                        or failure_window_started_at < :windowStart then 1 else failed_logins + 1 end,
                    failure_window_started_at = case when failure_window_started_at is null
                        or failure_window_started_at < :windowStart then :now else failure_window_started_at end
                where id = :id""")
                .param("windowStart", SqlTime.of(windowStart)).param("now", SqlTime.of(now)).param("id", id)
                .update();
        return jdbc.sql("select failed_logins from accounts where id = :id").param("id", id)
                .query(Integer.class).single();
    }

    /** Locks the account when it has reached {@code maxFailures}; true only for the call that locked it. */
    boolean lock(String id, int maxFailures, Instant now, Instant until) {
        return jdbc.sql("""
                update accounts set locked_until = :until, failed_logins = 0, failure_window_started_at = null
                where id = :id and failed_logins >= :max and (locked_until is null or locked_until <= :now)""")
                .param("until", SqlTime.of(until)).param("id", id).param("max", maxFailures)
                .param("now", SqlTime.of(now)).update() == 1;
    }

    void clearFailures(String id) {
        jdbc.sql("""
                update accounts set failed_logins = 0, failure_window_started_at = null
                where id = :id and failed_logins > 0""").param("id", id).update();
    }

    /** The role that follows the provider's groups at each single sign-on; true when it changed. */
    boolean changeRole(String id, Role role) {
        return jdbc.sql("update accounts set role = :role where id = :id and role <> :role")
                .param("role", role.name()).param("id", id).update() == 1;
    }

    boolean adminExists() {
        return jdbc.sql("select count(*) from accounts where role = 'ADMIN' and state <> 'DELETED'")
                .query(Long.class).single() > 0;
    }

    void makeActiveAdmin(String id, String hash) {
        jdbc.sql("update accounts set role = 'ADMIN', state = 'ACTIVE', password_hash = :hash where id = :id")
                .param("hash", hash).param("id", id).update();
    }

    List<Account> list(@Nullable AccountState state, int offset, int limit) {
        if (state == null) {
            return jdbc.sql("select " + COLUMNS + " from accounts order by created_at desc, id limit :limit offset :offset")
                    .param("limit", limit).param("offset", offset).query(AccountRepository::map).list();
        }
        return jdbc.sql("select " + COLUMNS + " from accounts where state = :state"
                        + " order by created_at desc, id limit :limit offset :offset")
                .param("state", state.name()).param("limit", limit).param("offset", offset)
                .query(AccountRepository::map).list();
    }

    long count(@Nullable AccountState state) {
        if (state == null) {
            return jdbc.sql("select count(*) from accounts").query(Long.class).single();
        }
        return jdbc.sql("select count(*) from accounts where state = :state").param("state", state.name())
                .query(Long.class).single();
    }

    Map<AccountState, Long> countByState() {
        Map<AccountState, Long> counts = new EnumMap<>(AccountState.class);
        for (AccountState s : AccountState.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select state, count(*) as n from accounts group by state")
                .query((rs, i) -> Map.entry(AccountState.valueOf(rs.getString("state")), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    /** Deletion keeps the row (ids stay referenced by audit and shares) but none of its personal data. */
    boolean markDeleted(String id) {
        return jdbc.sql("""
                update accounts set state = 'DELETED', email = :tombstone, display_name = null, password_hash = '',
                       failed_logins = 0, failure_window_started_at = null, locked_until = null
                where id = :id and state <> 'DELETED'""")
                .param("tombstone", "deleted:" + id).param("id", id).update() == 1;
    }

    /** Whether the account wants a mail when one of its shares is opened; empty for an unknown account. */
    Optional<Boolean> notifiesShareOpened(String id) {
        return jdbc.sql("select notify_share_opened from accounts where id = :id").param("id", id)
                .query(Boolean.class).optional();
    }

    boolean setNotifyShareOpened(String id, boolean on) {
        return jdbc.sql("update accounts set notify_share_opened = :on where id = :id and state <> 'DELETED'")
                .param("on", on).param("id", id).update() == 1;
    }

    /** Saves the language of the account's mails; false for an unknown or deleted account. */
    boolean setLanguage(String id, String language) {
        return jdbc.sql("update accounts set language = :language where id = :id and state <> 'DELETED'")
                .param("language", language).param("id", id).update() == 1;
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getString("id"), rs.getString("email"), rs.getString("display_name"),
                rs.getString("password_hash"), Role.of(rs.getString("role")), AccountState.valueOf(rs.getString("state")),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "locked_until"),
                rs.getString("language"));
    }
}
