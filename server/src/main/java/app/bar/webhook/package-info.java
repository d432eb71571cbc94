/**
 * Webhooks: owners learn at once when their share is opened, attacked or destroyed. A share's own
 * webhook or its owner's account webhook; an outbox written with each share event; a worker that
 * claims rows (safe on many nodes), signs them ({@code BAR-Signature}), formats them for Discord
 * and Slack, and posts them through the SSRF guard with retries and back-off. Public face: none
 * but HTTP ({@code /api/account/webhook}) and the implementations of the share module's
 * {@link app.bar.share.ShareWebhooks} and the crypto module's {@link app.bar.crypto.RewrapParticipant}.
 */
@ApplicationModule(allowedDependencies = {"platform", "share", "account", "crypto", "audit"})
@NullMarked
package app.bar.webhook;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
