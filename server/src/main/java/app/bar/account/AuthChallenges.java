package app.bar.account;

import app.bar.platform.SqlTime;
import app.bar.platform.secrets.OpaqueTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Short-lived, single-purpose challenges that are not sessions (table {@code auth_challenges}):
 * "password proved, second factor awaited", "password proved, enrolment required", and the
 * options of a passkey ceremony. The token is 256 random bits held only by the client; the table
 * keeps its SHA-256. A challenge grants nothing but the step it was made for, and using it up is
 * one {@code delete} whose row count decides (Spring Security's {@code JdbcOneTimeTokenService}).
 */
@Repository
class AuthChallenges {

    enum Purpose { MFA, ENROL, PASSKEY_REGISTER, PASSKEY_SIGNIN }

    /** A live challenge as stored. */
    record Challenge(String tokenHash, Purpose purpose, @Nullable String accountId, boolean rememberMe, int attempts,
            @Nullable String payload, Instant expiresAt) {
        @Override
        public String toString() {
            return "Challenge[" + purpose + "]";
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AuthChallenges(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A new challenge; returns its token (the only copy). */
    String issue(Purpose purpose, @Nullable String accountId, boolean rememberMe, @Nullable String payload, Duration ttl) {
        String token = OpaqueTokens.newSecret();
        Instant now = clock.instant();
        jdbc.sql("""
                insert into auth_challenges (token_hash, purpose, account_id, remember_me, attempts, payload, created_at,
                    expires_at)
                values (:hash, :purpose, :account, :remember, 0, :payload, :now, :expires)""")
                .param("hash", OpaqueTokens.sha256Hex(token)).param("purpose", purpose.name())
                .param("account", accountId).param("remember", rememberMe).param("payload", payload)
                .param("now", SqlTime.of(now)).param("expires", SqlTime.of(now.plus(ttl)))
                .update();
        return token;
    }

    /** The live challenge of {@code token} for {@code purpose}, without using it up. */
    Optional<Challenge> find(String token, Purpose purpose) {
        return jdbc.sql("""
                select token_hash, purpose, account_id, remember_me, attempts, payload, expires_at from auth_challenges
                where token_hash = :hash and purpose = :purpose and expires_at > :now""")
                .param("hash", OpaqueTokens.sha256Hex(token)).param("purpose", purpose.name())
                .param("now", SqlTime.of(clock.instant()))
                .query((rs, i) -> new Challenge(rs.getString("token_hash"), Purpose.valueOf(rs.getString("purpose")),
                        rs.getString("account_id"), rs.getBoolean("remember_me"), rs.getInt("attempts"),
                        rs.getString("payload"), SqlTime.instant(rs, "expires_at")))
                .optional();
    }

    /**
     * Counts a wrong answer; the challenge is gone once it has had {@code maxAttempts}. True while
     * it still lives.
     */
    boolean countAttempt(Challenge challenge, int maxAttempts) {
        jdbc.sql("update auth_challenges set attempts = attempts + 1 where token_hash = :hash")
                .param("hash", challenge.tokenHash()).update();
        return jdbc.sql("delete from auth_challenges where token_hash = :hash and attempts >= :max")
                .param("hash", challenge.tokenHash()).param("max", maxAttempts).update() == 0;
    }

    /** Uses the challenge up; true for exactly one caller, and only while it is live. */
    boolean consume(Challenge challenge) {
        return jdbc.sql("delete from auth_challenges where token_hash = :hash and expires_at > :now")
                .param("hash", challenge.tokenHash()).param("now", SqlTime.of(clock.instant())).update() == 1;
    }

    void deleteAll(String accountId) {
        jdbc.sql("delete from auth_challenges where account_id = :id").param("id", accountId).update();
    }

    int deleteExpired(Instant now) {
        return jdbc.sql("delete from auth_challenges where expires_at <= :now").param("now", SqlTime.of(now)).update();
    }
}
