package app.bar.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RatePolicyTests {

    @Test
    void ofWhenCapacityAndPeriodThenParsed() {
        assertThat(RatePolicy.of("5/1m")).isEqualTo(new RatePolicy(5, Duration.ofMinutes(1)));
        assertThat(RatePolicy.of("600 / 1h")).isEqualTo(new RatePolicy(600, Duration.ofHours(1)));
    }

    @Test
    void ofWhenMalformedThenRefused() {
        assertThatThrownBy(() -> RatePolicy.of("5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RatePolicy.of("0/1m")).hasMessageContaining("capacity must be at least 1");
    }
}
