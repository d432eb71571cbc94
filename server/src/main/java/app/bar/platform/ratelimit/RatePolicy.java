package app.bar.platform.ratelimit;

import java.time.Duration;
import org.springframework.boot.convert.DurationStyle;

/**
 * A limit such as {@code 5/1m}: at most {@code capacity} requests per {@code period},
 * refilled smoothly. Written that way in configuration ({@code BAR_RATELIMITS_LOGIN=10/1m}).
 */
public record RatePolicy(long capacity, Duration period) {

    public RatePolicy {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
        }
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("period must be positive, was " + period);
        }
    }

    /** Parses {@code <capacity>/<duration>}, the duration in Spring's simple style (30s, 1m, 1h, 1d). */
    public static RatePolicy of(String text) {
        int slash = text.indexOf('/');
        if (slash < 1) {
            throw new IllegalArgumentException("a rate policy is written <capacity>/<period>, for example 5/1m");
        }
        return new RatePolicy(Long.parseLong(text.substring(0, slash).strip()),
                DurationStyle.SIMPLE.parse(text.substring(slash + 1).strip()));
    }

    @Override
    public String toString() {
        return capacity + "/" + period;
    }
}
