package app.bar.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes expired link tokens and sign-in challenges, and sessions that ended more than a week ago (kept that long so
 * a reused refresh token is still recognised as reuse). Idempotent, so every node may run it.
 */
@Component
class AccountCleanup {

    private static final Logger log = LoggerFactory.getLogger(AccountCleanup.class);
    private static final Duration KEEP_ENDED = Duration.ofDays(7);

    private final OneTimeTokens tokens;
    private final SessionRepository sessions;
    private final AuthChallenges challenges;
    private final Clock clock;

    AccountCleanup(OneTimeTokens tokens, SessionRepository sessions, AuthChallenges challenges, Clock clock) {
        this.tokens = tokens;
        this.sessions = sessions;
        this.challenges = challenges;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10M", fixedDelayString = "PT1H")
    void deleteExpired() {
        Instant now = clock.instant();
        int links = tokens.deleteExpired(now);
        int ended = sessions.deleteEnded(now.minus(KEEP_ENDED));
        int challenged = challenges.deleteExpired(now);
        log.info("account.cleanup links={} ended={} challenges={}", links, ended, challenged);
    }
}
