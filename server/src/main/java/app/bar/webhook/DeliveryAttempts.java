package app.bar.webhook;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.crypto.WrongSecretException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at one claimed delivery: finds the webhook it goes to (gone: the delivery is dead),
 * shapes the body for Discord, Slack or anyone else, signs it with the webhook's secret, posts it
 * through the guard, and records the result under the claim — delivered, failed with the next
 * try scheduled, or dead once the retry horizon is past.
 */
@Component
class DeliveryAttempts {

    private static final Logger log = LoggerFactory.getLogger(DeliveryAttempts.class);

    private final DeliveryRepository deliveries;
    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final ChatFormats formats;
    private final WebhookHttp http;
    private final RetrySchedule retries;
    private final SecurityEvents security;
    private final MeterRegistry meters;
    private final Clock clock;

    DeliveryAttempts(DeliveryRepository deliveries, WebhookRepository webhooks, WebhookSecrets secrets,
            ChatFormats formats, WebhookHttp http, RetrySchedule retries, SecurityEvents security, MeterRegistry meters,
            Clock clock) {
        this.deliveries = deliveries;
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.formats = formats;
        this.http = http;
        this.retries = retries;
        this.security = security;
        this.meters = meters;
        this.clock = clock;
        // every outcome at zero from the start, so "dead letters" alerts see a series before the first one
        for (String outcome : new String[] {"delivered", "failed", "dead", "webhook_removed"}) {
            count(outcome, 0);
        }
    }

    void attempt(DeliveryRepository.Delivery delivery, String claimToken) {
        Optional<WebhookRepository.Endpoint> endpoint = webhooks.of(delivery.target(), delivery.shareId(),
                delivery.accountId());
        if (endpoint.isEmpty()) {
            record(delivery, claimToken, DeliveryRepository.Status.DEAD, null, "webhook_removed");
            return;
        }
        WebhookHttp.Result result = post(delivery, endpoint.get());
        if (result.refused()) {
            security.record(SecurityEventType.WEBHOOK_TARGET_REFUSED, delivery.accountId(),
                    Map.of("stage", "delivery", "event", delivery.eventId()));
        }
        if (result.delivered()) {
            record(delivery, claimToken, DeliveryRepository.Status.DELIVERED, result.statusCode(), "delivered");
        } else {
            retryOrGiveUp(delivery, claimToken, result);
        }
    }

    private WebhookHttp.Result post(DeliveryRepository.Delivery delivery, WebhookRepository.Endpoint endpoint) {
        byte[] key;
        String url;
        try {
            key = secrets.key(endpoint.owner(), endpoint.sealed());
            url = secrets.url(endpoint.owner(), endpoint.sealed());
        } catch (WrongSecretException | NoSuchElementException e) {
            // its master key left the ring (or the row was tampered with): nothing can sign it now
            log.error("webhook.secret_unreadable event={} kid={}", delivery.eventId(), endpoint.sealed().kid());
            return WebhookHttp.Result.failed();
        }
        try {
            byte[] body = formats.body(url, delivery.payload());
            long now = clock.instant().getEpochSecond();
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put(WebhookSignature.HEADER, WebhookSignature.header(key, now, body));
            headers.put(WebhookSignature.EVENT_ID_HEADER, delivery.eventId());
            headers.put(WebhookSignature.EVENT_TYPE_HEADER, delivery.type());
            return http.post(url, body, headers);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    private void retryOrGiveUp(DeliveryRepository.Delivery delivery, String claimToken, WebhookHttp.Result result) {
        Instant now = clock.instant();
        Optional<Instant> next = retries.next(delivery.createdAt(), delivery.attempts() + 1, now);
        if (next.isEmpty()) {
            record(delivery, claimToken, DeliveryRepository.Status.DEAD, result.statusCode(), "dead");
            return;
        }
        if (deliveries.finish(delivery.eventId(), claimToken, DeliveryRepository.Status.FAILED, result.statusCode(), now,
                next.get())) {
            count("failed");
            log.info("webhook.delivery event={} outcome=failed attempts={} status={} refused={}", delivery.eventId(),
                    delivery.attempts() + 1, result.statusCode(), result.refused());
        }
    }

    private void record(DeliveryRepository.Delivery delivery, String claimToken, DeliveryRepository.Status status,
            @Nullable Integer statusCode, String outcome) {
        Instant now = clock.instant();
        if (deliveries.finish(delivery.eventId(), claimToken, status, statusCode, now, now)) {
            count(outcome);
            log.info("webhook.delivery event={} outcome={} attempts={} status={}", delivery.eventId(), outcome,
                    delivery.attempts() + 1, statusCode);
        } else {
            log.warn("webhook.delivery_lease_lost event={}", delivery.eventId());
        }
    }

    private void count(String outcome) {
        count(outcome, 1);
    }

    private void count(String outcome, double amount) {
        meters.counter("bar.webhooks.deliveries", "outcome", outcome).increment(amount);
    }
}
