package app.bar.webhook;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.web.CurrentAccount;
import app.bar.share.ShareId;
import app.bar.share.ShareWebhooks;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The share module's {@link ShareWebhooks}: a share's own webhook, set when the share is created. */
@Component
class ShareWebhookRegistry implements ShareWebhooks {

    static final String FIELD = "webhookUrl";

    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;
    private final WebhookUrls urls;
    private final SecurityEvents security;
    private final Clock clock;

    ShareWebhookRegistry(WebhookRepository webhooks, WebhookSecrets secrets, WebhookUrls urls, SecurityEvents security,
            Clock clock) {
        this.webhooks = webhooks;
        this.secrets = secrets;
        this.urls = urls;
        this.security = security;
        this.clock = clock;
    }

    @Override
    public void validate(String url) {
        urls.check(FIELD, url, CurrentAccount.id().orElse(null));
    }

    @Override
    public String register(ShareId shareId, String ownerAccountId, String url, Instant expiresAt) {
        urls.checkShape(FIELD, url); // the full check (with its lookup) ran in validate, outside the transaction
        WebhookSecrets.Issued issued = secrets.issue(WebhookRepository.shareOwner(shareId.value()), url);
        webhooks.saveShare(shareId.value(), ownerAccountId, issued.sealed(), clock.instant(), expiresAt);
        security.record(SecurityEventType.WEBHOOK_SET, ownerAccountId, Map.of("scope", "share"));
        return issued.secret();
    }
}
