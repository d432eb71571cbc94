package app.bar.webhook;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * An account's default webhook and the account's recent deliveries. Setting it (again) issues a
 * new secret, shown once. Everything is looked up by the signed-in account's id, so nobody sees
 * another account's webhook or deliveries (ASVS 8.2.2).
 */
@Service
class AccountWebhooks {

    static final int RECENT_DELIVERIES = 100;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final SecurityEvents security;
    private final Clock clock;

    AccountWebhooks(WebhookRepository webhooks, DeliveryRepository deliveries, WebhookSecrets secrets, WebhookUrls urls,
            SecurityEvents security, Clock clock) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.secrets = secrets;
        this.urls = urls;
        this.security = security;
        this.clock = clock;
    }

    /** A webhook just set: its secret appears here once. */
    record Created(String url, String secret, Instant createdAt) {
        @Override
        public String toString() {
            return "Created[hidden]";
        }
    }

    Created set(String accountId, @Nullable String url) {
        String checked = urls.check("url", url, accountId);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        WebhookSecrets.Issued issued = secrets.issue(WebhookRepository.accountOwner(accountId), checked);
        webhooks.saveAccount(accountId, issued.sealed(), now);
        security.record(SecurityEventType.WEBHOOK_SET, accountId, Map.of("scope", "account"));
        return new Created(checked, issued.secret(), now);
    }

    /** The account webhook as its owner sees it. */
    record View(String url, Instant createdAt) {
    }

    Optional<View> get(String accountId) {
        return webhooks.account(accountId)
                .map(e -> new View(secrets.url(e.owner(), e.sealed()), e.createdAt()));
    }

    void delete(String accountId) {
        if (webhooks.deleteAccount(accountId)) {
            security.record(SecurityEventType.WEBHOOK_DELETED, accountId, Map.of("scope", "account"));
        }
    }

    List<DeliveryRepository.Delivery> deliveries(String accountId) {
        return deliveries.recent(accountId, RECENT_DELIVERIES);
    }
}
