package app.bar.platform.ratelimit;

import java.time.Duration;

/** Token buckets by name and key; in-process on the embedded default, in Redis when configured. */
public interface RateLimiter {

    /**
     * Takes one token from the bucket {@code policyName:key}.
     *
     * @return {@link Duration#ZERO} when allowed, otherwise how long until a token is back
     */
    Duration tryConsume(String policyName, RatePolicy policy, String key);
}
