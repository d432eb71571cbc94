/**
 * Burn-after-reading shares. This package is the module's public face and its HTTP API: the
 * event records ({@link app.bar.share.ShareAccessed}, {@link app.bar.share.SharePasswordFailed},
 * {@link app.bar.share.ShareLocked}, {@link app.bar.share.ShareDestroyed},
 * {@link app.bar.share.ShareExpired}, {@link app.bar.share.ShareTamperDetected}, all
 * {@link app.bar.share.ShareEvent}s carrying a {@link app.bar.share.ShareId}), the SPI
 * {@link app.bar.share.ShareWebhooks} that the webhook module implements (so the share module
 * never depends on it), {@code ShareProperties}, and the package-private controller and DTOs.
 * Other modules reach shares only through these; accounts' {@code AccountDeleted} event ends an
 * owner's shares.
 *
 * <p>The work is in sub-packages, internal to the module: {@code core} (a share's row and its
 * repository, the requester, manage tokens), {@code create} (policy, creation, upload, virus scan,
 * content types), {@code open} (visibility, unlock, tickets, content, viewers), {@code guard}
 * (brute force, OTP), {@code lifecycle} (shredding, clean-up, rewrap) and {@code owner} (the
 * owner's list, access log and burn, and a deleted account's shares).
 */
@ApplicationModule(allowedDependencies = {"platform", "crypto", "storage", "audit", "mail", "account"})
@NullMarked
package app.bar.share;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
