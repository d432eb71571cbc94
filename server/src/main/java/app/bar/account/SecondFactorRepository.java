package app.bar.account;

import app.bar.crypto.SealedSecret;
import app.bar.platform.SqlTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL over {@code account_totp} and {@code account_recovery_codes}. Accepting a code and using a
 * recovery code are single conditional statements whose row count decides, so two nodes given the
 * same code at once accept it once.
 */
@Repository
class SecondFactorRepository {

    /** An account's TOTP secret as stored (sealed; nothing secret prints). */
    record TotpRow(String accountId, SealedSecret sealed, Instant createdAt, @Nullable Instant confirmedAt,
            long lastUsedStep) {
        boolean confirmed() {
            return confirmedAt != null;
        }
    }

    private final JdbcClient jdbc;

    SecondFactorRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<TotpRow> totp(String accountId) {
        return jdbc.sql("""
                select account_id, secret_kid, secret_sealed, created_at, confirmed_at, last_used_step
                from account_totp where account_id = :id""")
                .param("id", accountId)
                .query((rs, i) -> new TotpRow(rs.getString("account_id"),
                        new SealedSecret(rs.getString("secret_kid"), rs.getString("secret_sealed")),
                        SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "confirmed_at"), rs.getLong("last_used_step")))
                .optional();
    }

    /** A new, unconfirmed secret; refused (false) while a confirmed one exists. */
    boolean startTotp(String accountId, SealedSecret sealed, Instant now) {
        jdbc.sql("delete from account_totp where account_id = :id and confirmed_at is null").param("id", accountId).update();
        if (totp(accountId).isPresent()) {
            return false;
        }
        return jdbc.sql("""
                insert into account_totp (account_id, secret_kid, secret_sealed, created_at, confirmed_at, last_used_step)
                values (:id, :kid, :sealed, :now, null, 0)""")
                .param("id", accountId).param("kid", sealed.kid()).param("sealed", sealed.value())
                .param("now", SqlTime.of(now)).update() == 1;
    }

    /** Confirms the enrolment with the step of its confirming code; false when it was confirmed already. */
    boolean confirmTotp(String accountId, long step, Instant now) {
        return jdbc.sql("""
                update account_totp set confirmed_at = :now, last_used_step = :step
                where account_id = :id and confirmed_at is null""")
                .param("now", SqlTime.of(now)).param("step", step).param("id", accountId).update() == 1;
    }

    /** Records the step of an accepted code; false when that step or a later one was used (a replay). */
    boolean useStep(String accountId, long step) {
        return jdbc.sql("""
                update account_totp set last_used_step = :step
                where account_id = :id and confirmed_at is not null and last_used_step < :step""")
                .param("step", step).param("id", accountId).update() == 1;
    }

    boolean deleteTotp(String accountId) {
        return jdbc.sql("delete from account_totp where account_id = :id").param("id", accountId).update() > 0;
    }

    /** The sealed secrets not under {@code kid}, for the rewrap. */
    List<TotpRow> sealedNotUnder(String kid, int limit) {
        return jdbc.sql("""
                select account_id, secret_kid, secret_sealed, created_at, confirmed_at, last_used_step
                from account_totp where secret_kid <> :kid order by account_id limit :limit""")
                .param("kid", kid).param("limit", limit)
                .query((rs, i) -> new TotpRow(rs.getString("account_id"),
                        new SealedSecret(rs.getString("secret_kid"), rs.getString("secret_sealed")),
                        SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "confirmed_at"), rs.getLong("last_used_step")))
                .list();
    }

    /** Replaces the sealed value only if it is still the one read (a re-enrolment in between wins). */
    boolean updateSealed(TotpRow row, SealedSecret next) {
        return jdbc.sql("""
                update account_totp set secret_kid = :kid, secret_sealed = :sealed
                where account_id = :id and secret_sealed = :old""")
                .param("kid", next.kid()).param("sealed", next.value()).param("id", row.accountId())
                .param("old", row.sealed().value()).update() == 1;
    }

    void replaceRecoveryCodes(String accountId, List<String> hashes, Instant now) {
        deleteRecoveryCodes(accountId);
        for (String hash : hashes) {
            jdbc.sql("insert into account_recovery_codes (code_hash, account_id, created_at) values (:hash, :id, :now)")
                    .param("hash", hash).param("id", accountId).param("now", SqlTime.of(now)).update();
        }
    }

    /** Uses a recovery code up; true for exactly one caller. */
    boolean useRecoveryCode(String accountId, String hash) {
        return jdbc.sql("delete from account_recovery_codes where code_hash = :hash and account_id = :id")
                .param("hash", hash).param("id", accountId).update() == 1;
    }

    int recoveryCodesLeft(String accountId) {
        return jdbc.sql("select count(*) from account_recovery_codes where account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    void deleteRecoveryCodes(String accountId) {
        jdbc.sql("delete from account_recovery_codes where account_id = :id").param("id", accountId).update();
    }

    int passkeyCount(String accountId) {
        return jdbc.sql("select count(*) from passkeys where account_id = :id").param("id", accountId)
                .query(Integer.class).single();
    }

    void deletePasskeys(String accountId) {
        jdbc.sql("delete from passkeys where account_id = :id").param("id", accountId).update();
        jdbc.sql("delete from passkey_users where account_id = :id").param("id", accountId).update();
    }
}
