package app.bar.webhook;

import app.bar.platform.secrets.SecretBytes;
import app.bar.share.ShareEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the outbox: every share event of a share that has a webhook (its own, or its owner's
 * account webhook) becomes a delivery row, synchronously and in the publisher's transaction when
 * there is one, so a committed event is never lost to a crash or a restart. At most
 * {@code max-deliveries-per-share} per share; later events are dropped and counted (column
 * {@code webhook_share_quota.dropped}, counter {@code bar.webhooks.dropped}).
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookPayloads payloads;
    private final WebhookProperties properties;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookOutbox(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookPayloads payloads,
            WebhookProperties properties, TransactionTemplate tx, MeterRegistry meters, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.properties = properties;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
    }

    @EventListener
    void on(ShareEvent event) {
        String owner = event.ownerAccountId();
        if (owner == null) {
            return; // anonymous shares have no webhook
        }
        tx.executeWithoutResult(status -> enqueue(event, owner));
    }

    private void enqueue(ShareEvent event, String owner) {
        Optional<WebhookRepository.Endpoint> destination = webhooks.destination(event.shareId().value(), owner);
        if (destination.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        if (!deliveries.takeQuota(event.shareId().value(), properties.maxDeliveriesPerShare(), now)) {
            meters.counter("bar.webhooks.dropped").increment();
            // no share id in logs: it is the link's capability
            log.info("webhook.dropped type={} dropped_for_share={}", event.type(),
                    deliveries.dropped(event.shareId().value()));
            return;
        }
        String eventId = "evt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(SecretBytes.random(16).toByteArray());
        WebhookRepository.Endpoint endpoint = destination.get();
        deliveries.insert(eventId, endpoint.accountId(), event.shareId().value(), endpoint.target(), event.type(),
                payloads.payload(eventId, event), now);
    }
}
