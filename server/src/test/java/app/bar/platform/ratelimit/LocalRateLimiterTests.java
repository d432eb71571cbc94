package app.bar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTests {

    private final RatePolicy threePerMinute = new RatePolicy(3, Duration.ofMinutes(1));

    @Test
    void tryConsumeWhenCapacityUsedThenWaitUntilRefill() {
        LocalRateLimiter limiter = new LocalRateLimiter(100);
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume("login", threePerMinute, "ip:1")).isZero();
        }
        Duration wait = limiter.tryConsume("login", threePerMinute, "ip:1");
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void tryConsumeWhenOtherKeyThenOwnBucket() {
        LocalRateLimiter limiter = new LocalRateLimiter(100);
        for (int i = 0; i < 3; i++) {
            limiter.tryConsume("login", threePerMinute, "ip:1");
        }
        assertThat(limiter.tryConsume("login", threePerMinute, "ip:2")).isZero();
        assertThat(limiter.tryConsume("register", threePerMinute, "ip:1")).isZero();
    }

    @Test
    void evictFullWhenBucketsRefilledThenDropped() throws InterruptedException {
        LocalRateLimiter limiter = new LocalRateLimiter(100);
        RatePolicy big = new RatePolicy(1_000_000, Duration.ofMillis(1));
        limiter.tryConsume("api", big, "ip:1");
        limiter.tryConsume("login", threePerMinute, "ip:1");
        Thread.sleep(5); // Bucket4j's default clock counts milliseconds: within the same one nothing refills
        assertThat(limiter.evictFull()).isEqualTo(1); // the nearly-instant bucket is full again; the login one is not
    }

    @Test
    void tryConsumeWhenKeyCapReachedThenNewKeysShareOverflowBucket() {
        LocalRateLimiter limiter = new LocalRateLimiter(2);
        limiter.tryConsume("login", threePerMinute, "ip:1");
        limiter.tryConsume("login", threePerMinute, "ip:2");
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryConsume("login", threePerMinute, "ip:new-" + i)).isZero();
        }
        assertThat(limiter.tryConsume("login", threePerMinute, "ip:yet-another")).isPositive();
    }
}
