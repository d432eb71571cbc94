package app.bar.webhook;

import app.bar.platform.secrets.SecretBytes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The outbox worker, on every node: every {@code worker-interval} it claims as many due deliveries
 * as it has idle senders ({@code worker-batch-size} in all; a conditional update, so each row goes
 * to one worker however many nodes poll) and hands them to the senders without waiting, so a slow
 * receiver holds one sender for at most {@code total-timeout} and holds up nothing else. A
 * lifecycle bean rather than {@code @Scheduled}: stopping the application stops claiming and lets
 * the attempts under way finish; a node that dies leaves its claims to expire after
 * {@link WebhookProperties#lease()}, and another node takes them (delivery is at least once). Off
 * with {@code bar.scheduling.enabled=false} (maintenance commands) or
 * {@code bar.webhooks.worker-enabled=false} (a node that should not deliver).
 */
@Component
@ConditionalOnProperty(name = "bar.scheduling.enabled", havingValue = "true", matchIfMissing = true)
class DeliveryWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    private final DeliveryRepository deliveries;
    private final DeliveryAttempts attempts;
    private final WebhookRepository webhooks;
    private final WebhookProperties properties;
    private final Clock clock;
    private final Semaphore idleSenders;
    private final Object lifecycle = new Object();
    private volatile boolean running;
    private ScheduledExecutorService loop;
    private ExecutorService senders;
    private Instant nextPurge = Instant.MIN;

    DeliveryWorker(DeliveryRepository deliveries, DeliveryAttempts attempts, WebhookRepository webhooks,
            WebhookProperties properties, Clock clock) {
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.webhooks = webhooks;
        this.properties = properties;
        this.clock = clock;
        this.idleSenders = new Semaphore(properties.workerBatchSize());
    }

    @Override
    public void start() {
        synchronized (lifecycle) {
            if (running) {
                return;
            }
            loop = Executors.newSingleThreadScheduledExecutor(threads("bar-webhook-worker"));
            senders = Executors.newFixedThreadPool(properties.workerBatchSize(), threads("bar-webhook-sender"));
            long interval = properties.workerInterval().toMillis();
            loop.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
            running = true;
        }
    }

    @Override
    public void stop() {
        synchronized (lifecycle) {
            if (!running) {
                return;
            }
            running = false;
            loop.shutdown();
            awaitQuietly(loop, properties.totalTimeout().plusSeconds(5));
            senders.shutdown();
            awaitQuietly(senders, properties.totalTimeout().plusSeconds(5));
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return properties.workerEnabled();
    }

    /** One pass: claims up to the idle senders' number of due deliveries and hands them over; returns how many. */
    int pollOnce() {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        int idle = idleSenders.availablePermits();
        if (idle == 0) {
            return 0;
        }
        String token = HexFormat.of().formatHex(SecretBytes.random(16).toByteArray());
        List<DeliveryRepository.Delivery> claimed = deliveries.claim(token, now, now.plus(properties.lease()), idle);
        for (DeliveryRepository.Delivery delivery : claimed) {
            idleSenders.acquireUninterruptibly();
            try {
                senders.execute(() -> attempt(delivery, token));
            } catch (RejectedExecutionException stopping) {
                idleSenders.release(); // shutting down: the claim expires and another node (or the next start) takes it
            }
        }
        return claimed.size();
    }

    private void attempt(DeliveryRepository.Delivery delivery, String token) {
        try {
            attempts.attempt(delivery, token);
        } catch (RuntimeException e) {
            log.error("webhook.attempt_failed event={}", delivery.eventId(), e); // the claim expires; it is retried
        } finally {
            idleSenders.release();
        }
    }

    private void pollSafely() {
        try {
            int claimed;
            do {
                claimed = pollOnce(); // go on while there was more than the last pass could take
            } while (running && claimed > 0 && idleSenders.availablePermits() > 0);
        } catch (RuntimeException e) {
            log.error("webhook.worker_failed", e); // the next tick tries again; the task must not die
        }
    }

    private void purgeNowAndThen(Instant now) {
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(PURGE_EVERY);
        int deliveriesPurged = deliveries.purge(now.minus(properties.deliveryRetention()));
        int webhooksPurged = webhooks.purgeShareWebhooks(now.minus(properties.retryHorizon()).minus(Duration.ofHours(1)));
        if (deliveriesPurged + webhooksPurged > 0) {
            log.info("webhook.purge deliveries={} share_webhooks={}", deliveriesPurged, webhooksPurged);
        }
    }

    private static void awaitQuietly(ExecutorService executor, Duration timeout) {
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory threads(String name) {
        AtomicInteger n = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
