package app.bar.webhook;

import app.bar.crypto.RewrapParticipant;
import app.bar.crypto.SealedSecret;
import app.bar.crypto.SealedSecretBatches;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * {@code rewrap} for webhook secrets: each one not under the newest master key is opened and sealed
 * again under it, with a conditional update (safe next to a PUT that replaces it, and to run twice).
 */
@Component
class WebhookSecretRewrap implements RewrapParticipant, SealedSecretBatches.Rows<WebhookRepository.Endpoint> {

    private final WebhookRepository webhooks;
    private final WebhookSecrets secrets;

    WebhookSecretRewrap(WebhookRepository webhooks, WebhookSecrets secrets) {
        this.webhooks = webhooks;
        this.secrets = secrets;
    }

    @Override
    public String name() {
        return "webhook_secrets";
    }

    @Override
    public Result rewrapAll() {
        return SealedSecretBatches.rewrap(secrets.newestKid(), this, "webhook_secret");
    }

    @Override
    public List<WebhookRepository.Endpoint> notUnder(String newestKid, int limit) {
        return webhooks.sealedNotUnder(newestKid, limit);
    }

    @Override
    public String key(WebhookRepository.Endpoint endpoint) {
        return endpoint.owner();
    }

    @Override
    public Optional<SealedSecret> reseal(WebhookRepository.Endpoint endpoint) {
        return secrets.rewrap(endpoint.owner(), endpoint.sealed());
    }

    @Override
    public boolean update(WebhookRepository.Endpoint endpoint, SealedSecret next) {
        return webhooks.updateSealed(endpoint, next);
    }
}
