package app.bar.account;

import app.bar.platform.SqlTime;
import app.bar.platform.secrets.OpaqueTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Single-use email tokens (verification, password reset): 256 bits, stored as SHA-256, one
 * live token per account and purpose. Consuming is one {@code delete} whose row count decides,
 * in the manner of Spring Security's {@code JdbcOneTimeTokenService.consume}.
 */
@Repository
class OneTimeTokens {

    enum Purpose { VERIFY, RESET }

    private final JdbcClient jdbc;
    private final Clock clock;

    OneTimeTokens(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new token for the account; earlier tokens of the same purpose stop working. */
    String issue(String accountId, Purpose purpose, Duration ttl) {
        String token = OpaqueTokens.newSecret();
        Instant now = clock.instant();
        jdbc.sql("delete from account_tokens where account_id = :id and purpose = :purpose")
                .param("id", accountId).param("purpose", purpose.name()).update();
        jdbc.sql("""
                insert into account_tokens (token_hash, account_id, purpose, created_at, expires_at)
                values (:hash, :id, :purpose, :now, :expires)""")
                .param("hash", OpaqueTokens.sha256Hex(token)).param("id", accountId).param("purpose", purpose.name())
                .param("now", SqlTime.of(now)).param("expires", SqlTime.of(now.plus(ttl)))
                .update();
        return token;
    }

    /** The account a live token belongs to, without using it up. */
    Optional<String> peek(String token, Purpose purpose) {
        return jdbc.sql("""
                select account_id from account_tokens
                where token_hash = :hash and purpose = :purpose and expires_at > :now""")
                .param("hash", OpaqueTokens.sha256Hex(token)).param("purpose", purpose.name())
                .param("now", SqlTime.of(clock.instant()))
                .query(String.class).optional();
    }

    /** Uses the token up; true for exactly one caller, and only while it is live. */
    boolean consume(String token, Purpose purpose) {
        return jdbc.sql("""
                delete from account_tokens
                where token_hash = :hash and purpose = :purpose and expires_at > :now""")
                .param("hash", OpaqueTokens.sha256Hex(token)).param("purpose", purpose.name())
                .param("now", SqlTime.of(clock.instant()))
                .update() == 1;
    }

    void deleteAll(String accountId) {
        jdbc.sql("delete from account_tokens where account_id = :id").param("id", accountId).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from account_tokens where expires_at <= :now").param("now", SqlTime.of(now)).update();
    }
}
