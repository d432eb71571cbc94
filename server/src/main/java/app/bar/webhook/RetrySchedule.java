package app.bar.webhook;

import app.bar.platform.secrets.StrongRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongUnaryOperator;

/**
 * Exponential back-off with jitter: after the n-th failed attempt the next one waits
 * {@code min(initial * 2^(n-1), max)}, of which the second half is random (so deliveries that
 * failed together do not all come back together). No attempt is scheduled past
 * {@code createdAt + horizon}: the delivery is then dead.
 */
final class RetrySchedule {

    private final Duration initial;
    private final Duration max;
    private final Duration horizon;
    private final LongUnaryOperator jitter;

    RetrySchedule(Duration initial, Duration max, Duration horizon) {
        this(initial, max, horizon, bound -> bound <= 0 ? 0 : (long) (StrongRandom.current().nextDouble() * bound));
    }

    /** {@code jitter} maps a bound to a value in [0, bound) (tests fix it). */
    RetrySchedule(Duration initial, Duration max, Duration horizon, LongUnaryOperator jitter) {
        this.initial = initial;
        this.max = max;
        this.horizon = horizon;
        this.jitter = jitter;
    }

    Duration delayAfter(int failedAttempts) {
        int doublings = Math.min(Math.max(failedAttempts - 1, 0), 30);
        long millis = initial.toMillis();
        long capped = millis > max.toMillis() >> doublings ? max.toMillis() : millis << doublings;
        long half = capped / 2;
        return Duration.ofMillis(capped - half + jitter.applyAsLong(half + 1));
    }

    /** When to try again after {@code failedAttempts} failures, or empty when the delivery is dead. */
    Optional<Instant> next(Instant createdAt, int failedAttempts, Instant now) {
        Instant next = now.plus(delayAfter(failedAttempts));
        return next.isAfter(createdAt.plus(horizon)) ? Optional.empty() : Optional.of(next);
    }
}
