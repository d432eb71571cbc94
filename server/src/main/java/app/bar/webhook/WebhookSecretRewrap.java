package app.bar.webhook;

import app.bar.crypto.RewrapParticipant;
import app.bar.crypto.SealedSecret;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code rewrap} for webhook secrets: each one not under the newest master key is opened and sealed
 * again under it, with a conditional update (safe next to a PUT that replaces it, and to run twice).
 */
@Component
class WebhookSecretRewrap implements RewrapParticipant {

    private static final Logger log = LoggerFactory.getLogger(WebhookSecretRewrap.class);
    private static final int BATCH = 500;

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
        String newest = secrets.newestKid();
        Set<String> skipped = new HashSet<>();
        int moved = 0;
        List<WebhookRepository.Endpoint> batch;
        while (!(batch = webhooks.sealedNotUnder(newest, BATCH + skipped.size())).isEmpty()
                && !batch.stream().allMatch(e -> skipped.contains(e.owner()))) {
            for (WebhookRepository.Endpoint endpoint : batch) {
                if (skipped.contains(endpoint.owner())) {
                    continue;
                }
                try {
                    Optional<SealedSecret> next = secrets.rewrap(endpoint.owner(), endpoint.sealed());
                    if (next.isPresent() && webhooks.updateSealed(endpoint, next.get())) {
                        moved++;
                    }
                } catch (RuntimeException e) {
                    skipped.add(endpoint.owner());
                    log.error("rewrap.failed what=webhook_secret error={}", e.getClass().getSimpleName());
                }
            }
        }
        return new Result(moved, skipped.size());
    }
}
