package app.bar.share.request;

import app.bar.account.AccountDeleted;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * What a request leaves behind is forgotten: a deleted account's requests at once (after the
 * deletion committed; the shares that answered them go with the account's other shares), and a
 * request never answered a day after it expired, its note with it. Both are single deletes, safe
 * to run twice and on every node at once.
 */
@Component
@ConditionalOnProperty(name = "bar.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class RequestCleanup {

    private static final Logger log = LoggerFactory.getLogger(RequestCleanup.class);
    /** How long an expired, unanswered request still tells its requester "expired" rather than "unknown". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final SecretRequestRepository requests;
    private final Clock clock;

    RequestCleanup(SecretRequestRepository requests, Clock clock) {
        this.requests = requests;
        this.clock = clock;
    }

    @ApplicationModuleListener
    void on(AccountDeleted event) {
        int deleted = requests.deleteOfOwner(event.accountId());
        log.info("request.owner_deleted account={} deleted={}", event.accountId(), deleted);
    }

    @Scheduled(initialDelayString = "${bar.shares.cleanup-interval:PT1M}",
            fixedDelayString = "${bar.shares.cleanup-interval:PT1M}")
    void run() {
        try {
            int deleted = requests.deleteUnansweredExpiredBefore(clock.instant().minus(KEEP_EXPIRED));
            if (deleted > 0) {
                log.info("request.cleanup expired={}", deleted);
            }
        } catch (RuntimeException e) {
            log.error("request.cleanup_failed", e); // the next pass retries; a scheduled task must not die
        }
    }
}
