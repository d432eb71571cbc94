package app.bar.platform.web;

import java.util.function.LongSupplier;

/**
 * The minimum-rate rule of a request body: after {@code grace}, the bytes read so far divided by the
 * time since the body started must stay at or above {@code minBytesPerSecond}. Averaged from the
 * start, so a large upload at a good rate passes however long it takes, and a short stall is
 * forgiven when the average is still good. Hand-written (a few lines; no library does this for a
 * servlet stream). Not thread-safe: one per request.
 */
final class BodyRate {

    private final long minBytesPerSecond;
    private final long graceNanos;
    private final LongSupplier nanoClock;
    private final long start;
    private long bytes;

    BodyRate(long minBytesPerSecond, long graceNanos, LongSupplier nanoClock) {
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = graceNanos;
        this.nanoClock = nanoClock;
        this.start = nanoClock.getAsLong();
    }

    /** Counts {@code n} more bytes read; {@code false} when the body is now too slow. */
    boolean read(long n) {
        bytes += n;
        return fastEnough();
    }

    /** {@code true} within the grace period or while the average rate is at least the minimum. */
    boolean fastEnough() {
        long elapsed = nanoClock.getAsLong() - start;
        if (elapsed <= graceNanos || minBytesPerSecond == 0) {
            return true;
        }
        // bytes / seconds >= min  <=>  bytes * 1e9 >= min * nanos (in double: no overflow for long uploads)
        return (double) bytes * 1_000_000_000d >= (double) minBytesPerSecond * elapsed;
    }
}
