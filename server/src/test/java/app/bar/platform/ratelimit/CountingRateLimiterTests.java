package app.bar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountingRateLimiterTests {

    private final RateLimiter delegate = mock(RateLimiter.class);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountingRateLimiter limiter = new CountingRateLimiter(delegate, meters);
    private final RatePolicy policy = RatePolicy.of("5/1m");

    @Test
    void tryConsumeWhenRefusedThenCountedUnderItsPolicyAndWaitPassedOn() {
        when(delegate.tryConsume("login", policy, "ip")).thenReturn(Duration.ofSeconds(7));
        assertThat(limiter.tryConsume("login", policy, "ip")).isEqualTo(Duration.ofSeconds(7));
        assertThat(meters.counter("bar.ratelimit.refusals", "policy", "login").count()).isEqualTo(1);
    }

    @Test
    void tryConsumeWhenAllowedThenNothingCounted() {
        when(delegate.tryConsume("login", policy, "ip")).thenReturn(Duration.ZERO);
        assertThat(limiter.tryConsume("login", policy, "ip")).isZero();
        assertThat(meters.find("bar.ratelimit.refusals").counters()).isEmpty();
    }
}
