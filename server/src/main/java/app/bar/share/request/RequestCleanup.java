package app.bar.share.request;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * A request never answered is forgotten a day after it expired, its note with it: one delete, safe
 * on every node at once, unless {@code bar.scheduling.enabled=false} (maintenance commands). A
 * deleted account's requests: {@link RequestAccountCleanup}.
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
