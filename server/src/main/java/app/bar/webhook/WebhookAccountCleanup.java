package app.bar.webhook;

import app.bar.account.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A deleted account's webhooks and deliveries go with it. First among the listeners of
 * {@link AccountDeleted}: the share module then destroys the account's shares, and those
 * destructions must find no webhook left to notify.
 */
@Component
class WebhookAccountCleanup {

    private static final Logger log = LoggerFactory.getLogger(WebhookAccountCleanup.class);

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;

    WebhookAccountCleanup(WebhookRepository webhooks, DeliveryRepository deliveries) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(AccountDeleted event) {
        int removed = webhooks.deleteAllOf(event.accountId());
        int dropped = deliveries.deleteAllOf(event.accountId());
        log.info("webhook.owner_deleted account={} webhooks={} deliveries={}", event.accountId(), removed, dropped);
    }
}
