package app.bar.share.request;

import app.bar.share.lifecycle.CleanupStep;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A request never answered is forgotten a day after it expired, its note with it: one delete, safe
 * on every node at once, run by the shares' clean-up pass (every {@code bar.shares.cleanup-interval},
 * unless {@code bar.scheduling.enabled=false}). A deleted account's requests: {@link RequestAccountCleanup}.
 */
@Component
class RequestCleanup implements CleanupStep {

    private static final Logger log = LoggerFactory.getLogger(RequestCleanup.class);
    /** How long an expired, unanswered request still tells its requester "expired" rather than "unknown". */
    static final Duration KEEP_EXPIRED = Duration.ofDays(1);

    private final SecretRequestRepository requests;

    RequestCleanup(SecretRequestRepository requests) {
        this.requests = requests;
    }

    @Override
    public int runOnce(Instant now) {
        int deleted = requests.deleteUnansweredExpiredBefore(now.minus(KEEP_EXPIRED));
        if (deleted > 0) {
            log.info("request.cleanup expired={}", deleted);
        }
        return deleted;
    }
}
