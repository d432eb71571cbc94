package app.bar.webhook;

import app.bar.audit.SecurityEventType;
import app.bar.audit.SecurityEvents;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The SSRF guard at the door: a refused webhook URL is a 400 naming the request's field, and a
 * {@code webhook.target_refused} security event (someone may be probing the inside network).
 */
@Component
class WebhookUrls {

    private final WebhookTargets targets;
    private final SecurityEvents security;

    WebhookUrls(WebhookTargets targets, SecurityEvents security) {
        this.targets = targets;
        this.security = security;
    }

    /** Returns the URL if the guard accepts it (the host resolved and every address checked). */
    String check(String field, @Nullable String url, @Nullable String accountId) {
        if (url == null || url.isBlank()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, field, "is required");
        }
        try {
            targets.check(url);
            return url;
        } catch (TargetRefused refused) {
            security.record(SecurityEventType.WEBHOOK_TARGET_REFUSED, accountId, Map.of("stage", "creation",
                    "field", field));
            throw new BarProblem.Invalid(WebhookCodes.URL_REFUSED, field, refused.reason());
        }
    }

    /** The shape only, no lookup (for a URL that {@link #check} passed a moment ago). */
    String checkShape(String field, String url) {
        try {
            targets.checkShape(url);
            return url;
        } catch (TargetRefused refused) {
            throw new BarProblem.Invalid(WebhookCodes.URL_REFUSED, field, refused.reason());
        }
    }
}
