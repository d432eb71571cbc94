package app.bar.platform.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/**
 * Counts refusals by policy name ({@code bar.ratelimit.refusals}, docs/operations.md#metrics)
 * around whichever limiter is in use, so every caller — the route filter and the modules that
 * limit their own work (one-time codes) — is counted the same way. Policy names are constants
 * of the code, never a client's key, so the tag's values stay few.
 */
final class CountingRateLimiter implements RateLimiter {

    private final RateLimiter delegate;
    private final MeterRegistry meters;

    CountingRateLimiter(RateLimiter delegate, MeterRegistry meters) {
        this.delegate = delegate;
        this.meters = meters;
    }

    @Override
    public Duration tryConsume(String policyName, RatePolicy policy, String key) {
        Duration wait = delegate.tryConsume(policyName, policy, key);
        if (!wait.isZero()) {
            meters.counter("bar.ratelimit.refusals", "policy", policyName).increment();
        }
        return wait;
    }
}
