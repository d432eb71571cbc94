/**
 * Burn-after-reading shares: creation and policy, streamed encrypted upload, unlock with
 * password, email OTP or zero-knowledge access key, single-use tickets, exactly-once views,
 * brute-force delays and locks, owners' list, access log and burn, clean-up and rewrap.
 * Public face: {@link app.bar.share.OwnedShares#destroyAllOwnedBy(String)} and the event
 * records ({@link app.bar.share.ShareAccessed}, {@link app.bar.share.SharePasswordFailed},
 * {@link app.bar.share.ShareLocked}, {@link app.bar.share.ShareDestroyed},
 * {@link app.bar.share.ShareExpired}, {@link app.bar.share.ShareTamperDetected}), and the SPI
 * {@link app.bar.share.ShareWebhooks} that the webhook module implements (so the share module
 * never depends on it).
 */
@ApplicationModule(allowedDependencies = {"platform", "crypto", "storage", "audit", "mail", "account"})
@NullMarked
package app.bar.share;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
