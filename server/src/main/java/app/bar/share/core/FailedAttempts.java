package app.bar.share.core;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Wrong passwords (or access keys) on a share: in a row (reset by a right one or by a lock's
 * end), in total (for {@code burnAfterFailedAttempts}), and what they imposed — the earliest
 * next try and a lock.
 */
public record FailedAttempts(int inARow, int total, @Nullable Instant nextAttemptAt, @Nullable Instant lockedUntil) {

    public static final FailedAttempts NONE = new FailedAttempts(0, 0, null, null);
}
