package app.bar.webhook;

import app.bar.platform.config.ProductionCheck;
import app.bar.platform.config.ProductionSettings;

/**
 * Production delivers webhooks to public https:// addresses only (ASVS 1.3.6/15.3.2; registered
 * in {@code META-INF/spring.factories}).
 */
final class WebhookProductionCheck implements ProductionCheck {

    @Override
    public void check(ProductionSettings settings) {
        settings.refuseTrue("BAR_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "bar.webhooks.allow-private-addresses");
        settings.refuseTrue("BAR_WEBHOOKS_ALLOW_HTTP", "bar.webhooks.allow-http");
    }
}
