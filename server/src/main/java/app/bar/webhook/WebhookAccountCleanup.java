package app.bar.webhook;

import app.bar.account.AccountDeleted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * A deleted account's webhooks and deliveries go with it, after the deletion committed (again
 * after a crash: deleting twice is harmless). It need not run before the share module destroys
 * the account's shares: {@link WebhookOutbox} enqueues nothing for a deleted account, whichever
 * runs first.
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

    @ApplicationModuleListener
    void on(AccountDeleted event) {
        int removed = webhooks.deleteAllOf(event.accountId());
        int dropped = deliveries.deleteAllOf(event.accountId());
        log.info("webhook.owner_deleted account={} webhooks={} deliveries={}", event.accountId(), removed, dropped);
    }
}
