/**
 * What stands between a guesser and a share: the brute-force delays, locks and burns of
 * {@link app.bar.share.guard.BruteForceGuard}, and email one-time codes
 * ({@link app.bar.share.guard.OtpService}).
 */
@NullMarked
package app.bar.share.guard;

import org.jspecify.annotations.NullMarked;
