package app.bar.webhook;

import app.bar.platform.secrets.SecretBytes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The outbox worker, on every node: every {@code worker-interval} it claims up to
 * {@code worker-batch-size} due deliveries (a conditional update: each row goes to one worker,
 * however many nodes poll) and posts them in parallel, so one slow receiver holds one sender for
 * at most {@code total-timeout}. A lifecycle bean rather than {@code @Scheduled}: stopping the
 * application stops claiming and lets the attempts under way finish; a node that dies leaves its
 * claims to expire after {@link WebhookProperties#lease()}, and another node takes them (at least
 * once). Off with {@code bar.scheduling.enabled=false} (maintenance commands) or
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

    /** One pass: claim what is due and attempt it all; returns how many were claimed. */
    int pollOnce() {
        Instant now = clock.instant();
        String token = HexFormat.of().formatHex(SecretBytes.random(16).toByteArray());
        List<DeliveryRepository.Delivery> claimed = deliveries.claim(token, now, now.plus(properties.lease()),
                properties.workerBatchSize());
        List<Future<?>> running = new ArrayList<>(claimed.size());
        for (DeliveryRepository.Delivery delivery : claimed) {
            running.add(senders.submit(() -> attempts.attempt(delivery, token)));
        }
        for (Future<?> attempt : running) {
            waitFor(attempt);
        }
        purgeNowAndThen(now);
        return claimed.size();
    }

    private void pollSafely() {
        try {
            while (running && pollOnce() == properties.workerBatchSize()) {
                // a full batch: more may be due, go on without waiting for the next tick
            }
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

    private static void waitFor(Future<?> attempt) {
        try {
            attempt.get();
        } catch (ExecutionException e) {
            log.error("webhook.attempt_failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
