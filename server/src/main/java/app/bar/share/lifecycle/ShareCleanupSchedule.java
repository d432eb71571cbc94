package app.bar.share.lifecycle;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link ShareCleanup} every {@code bar.shares.cleanup-interval} on every node (the pass is
 * safe to run concurrently), unless {@code bar.scheduling.enabled=false} (maintenance commands).
 */
@Component
@ConditionalOnProperty(name = "bar.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class ShareCleanupSchedule {

    private static final Logger log = LoggerFactory.getLogger(ShareCleanupSchedule.class);

    private final ShareCleanup cleanup;

    ShareCleanupSchedule(ShareCleanup cleanup) {
        this.cleanup = cleanup;
    }

    @Scheduled(initialDelayString = "${bar.shares.cleanup-interval:PT1M}",
            fixedDelayString = "${bar.shares.cleanup-interval:PT1M}")
    void run() {
        try {
            cleanup.runOnce();
        } catch (RuntimeException e) {
            log.error("share.cleanup_failed", e); // the next pass retries; a scheduled task must not die
        }
    }
}
