package app.bar.share;

import java.time.Instant;

/**
 * What the share module needs from whoever delivers webhooks (the webhook module implements it;
 * the share module does not depend on that module). A share created with {@code webhookUrl}
 * gets its own webhook: its events go there instead of the owner's account webhook.
 */
public interface ShareWebhooks {

    /**
     * Checks a webhook URL as the creation policy demands: scheme, no user info, a host whose
     * every address is public (the SSRF guard). Throws
     * {@link app.bar.platform.error.BarProblem.Invalid} naming {@code webhookUrl} when it is refused.
     */
    void validate(String url);

    /**
     * Registers the webhook of a new share (in the caller's transaction) and returns its signing
     * secret, which the creator sees once. {@code expiresAt} is the share's expiry, after which
     * (and the retries of its last events) the registration may go.
     */
    String register(ShareId shareId, String ownerAccountId, String url, Instant expiresAt);
}
