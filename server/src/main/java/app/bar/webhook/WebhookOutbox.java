package app.bar.webhook;

import app.bar.account.AccountDirectory;
import app.bar.share.RequestFulfilled;
import app.bar.share.ShareEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Writes the outbox: every share event of a share that has a webhook (its own, or its owner's
 * account webhook) becomes a delivery row. It runs after the share's transaction committed, in
 * its own, from Spring Modulith's event publication registry: the event was stored with the
 * share's change, so a crash before this ran only delays it (the registry resubmits it). It may
 * therefore run twice for one event: the row is keyed by the event's id ({@code evt_} + it) and
 * inserted only if absent. Events of anonymous shares never reach it (the condition is checked
 * before anything is stored), nor do a deleted account's (whatever order the account's clean-up
 * and its shares' destruction run in, the account is already marked deleted when either runs).
 *
 * <p>A request's answer ({@link RequestFulfilled}) goes to its requester's account webhook the same way.
 *
 * <p>At most {@code max-deliveries-per-share} per share; later events are dropped and counted
 * (column {@code webhook_share_quota.dropped}, counter {@code bar.webhooks.dropped}).
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookPayloads payloads;
    private final AccountDirectory accounts;
    private final WebhookProperties properties;
    private final MeterRegistry meters;
    private final Clock clock;

    WebhookOutbox(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookPayloads payloads,
            AccountDirectory accounts, WebhookProperties properties, MeterRegistry meters, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.payloads = payloads;
        this.accounts = accounts;
        this.properties = properties;
        this.meters = meters;
        this.clock = clock;
        meters.counter("bar.webhooks.dropped"); // at zero from the start (docs/operations.md#metrics)
    }

    @ApplicationModuleListener(condition = "#event.ownerAccountId() != null")
    void on(ShareEvent event) {
        String owner = Objects.requireNonNull(event.ownerAccountId());
        String shareId = event.shareId().value();
        Optional<WebhookRepository.Endpoint> destination = webhooks.destination(shareId, owner);
        if (destination.isEmpty() || accounts.isDeleted(owner)) {
            return;
        }
        Instant now = clock.instant();
        String eventId = "evt_" + event.eventId();
        WebhookRepository.Endpoint endpoint = destination.get();
        if (!deliveries.insertIfAbsent(eventId, endpoint.accountId(), shareId, endpoint.target(), event.type(),
                payloads.payload(eventId, event), event.at(), now)) {
            return; // this event was handled before (a resubmission): its delivery exists
        }
        if (!deliveries.takeQuota(shareId, properties.maxDeliveriesPerShare(), now)) {
            deliveries.delete(eventId);
            meters.counter("bar.webhooks.dropped").increment();
            // no share id in logs: it is the link's capability
            log.info("webhook.dropped type={} dropped_for_share={}", event.type(), deliveries.dropped(shareId));
        }
    }

    /**
     * A request for a secret was answered: one delivery to the requester's account webhook (the
     * answer's share is new and has no webhook of its own). A request is answered once, so no cap.
     */
    @ApplicationModuleListener
    void on(RequestFulfilled event) {
        String owner = event.ownerAccountId();
        Optional<WebhookRepository.Endpoint> destination = webhooks.account(owner);
        if (destination.isEmpty() || accounts.isDeleted(owner)) {
            return;
        }
        String eventId = "evt_" + event.eventId();
        deliveries.insertIfAbsent(eventId, owner, event.shareId(), destination.get().target(), RequestFulfilled.TYPE,
                payloads.payload(eventId, event), event.at(), clock.instant());
    }
}
