package app.bar.platform.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.modulith.events.core.EventPublicationRegistry;
import org.springframework.modulith.events.core.Staleness;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Runs again what the event publication registry holds as incomplete: publications whose node
 * died between the commit and the listener (or while the listener ran), that a full queue left
 * behind, or whose listener failed. Once at start-up and every {@code retry-interval}, on every
 * node (unless {@code bar.scheduling.enabled=false}):
 * <ol>
 *   <li>a publication published, running or resubmitted more than {@code retry-after} ago is
 *       marked failed (Modulith's staleness rule; a live node's listener is done long before);</li>
 *   <li>failed publications are resubmitted, at most {@value #BATCH} a pass, each no sooner than
 *       {@code retry-after} times 2^(attempts-1) (at most 32 times) after its last attempt.</li>
 * </ol>
 * Nodes share the database and may pick the same publication: the registry's
 * {@code update ... set status = 'RESUBMITTED' where status <> 'RESUBMITTED'} lets one of them
 * win, and a node can still run a publication another node is running (it looked stale), so
 * every listener is idempotent. Delivery is at least once.
 */
@Component
@ConditionalOnProperty(name = "bar.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class EventResubmission implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(EventResubmission.class);
    static final int BATCH = 200;
    private static final int MAX_BACKOFF_SHIFT = 5;

    private final EventPublicationRegistry registry;
    private final FailedEventPublications failed;
    private final EventProperties properties;
    private final Clock clock;

    EventResubmission(EventPublicationRegistry registry, FailedEventPublications failed, EventProperties properties,
            Clock clock) {
        this.registry = registry;
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::run, properties.retryInterval(), Duration.ZERO));
    }

    void run() {
        try {
            resubmit();
        } catch (RuntimeException e) {
            // the next pass tries again; a scheduled task must not die
            log.warn("event.resubmission_failed error={}", e.getClass().getSimpleName());
        }
    }

    /** One pass; returns how many publications were handed to their listeners again. */
    int resubmit() {
        Duration after = properties.retryAfter();
        Staleness stale = status -> switch (status) {
            case PUBLISHED, PROCESSING, RESUBMITTED -> after;
            default -> Duration.ZERO;
        };
        registry.markStalePublicationsFailed(stale);
        Instant now = clock.instant();
        AtomicInteger due = new AtomicInteger();
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(after).withBatchSize(BATCH).withMaxInFlight(BATCH)
                .withFilter(publication -> {
                    boolean ready = isDue(publication, after, now);
                    if (ready) {
                        due.incrementAndGet();
                    }
                    return ready;
                }));
        if (due.get() > 0) {
            log.info("event.resubmitted count={}", due.get());
        }
        return due.get();
    }

    /** Attempt n (n ≥ 1) waits {@code after · 2^(n-1)} (at most 32 times) since the last one. */
    static boolean isDue(EventPublication publication, Duration after, Instant now) {
        Instant last = publication.getLastResubmissionDate();
        if (last == null) {
            last = publication.getPublicationDate();
        }
        int shift = Math.min(Math.max(publication.getCompletionAttempts() - 1, 0), MAX_BACKOFF_SHIFT);
        return !last.plus(after.multipliedBy(1L << shift)).isAfter(now);
    }
}
