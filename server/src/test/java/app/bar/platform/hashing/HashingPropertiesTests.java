package app.bar.platform.hashing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Issue 12: by default password hashing may use half the CPUs, so a flood of it leaves the rest to other requests. */
class HashingPropertiesTests {

    @ParameterizedTest
    @CsvSource({"1, 1", "2, 1", "3, 1", "4, 2", "16, 8"})
    void threadsWhenDefaultThenHalfTheCpusAndAtLeastOne(int cpus, int threads) {
        assertThat(new HashingProperties(0, 16, Duration.ofSeconds(1)).effectiveThreads(cpus)).isEqualTo(threads);
    }

    @ParameterizedTest
    @CsvSource({"-1", "1", "99", "2001"})
    void refusalHoldWhenNegativeOrPastTheRetryAfterThenRefused(long millis) {
        assertThatThrownBy(() -> new HashingProperties(0, 16, Duration.ofMillis(millis)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bar.hashing.refusal-hold");
    }

    @ParameterizedTest
    @CsvSource({"0", "100", "1000", "2000"})
    void refusalHoldWhenNoneOrATenthOfASecondToTheRetryAfterThenTaken(long millis) {
        assertThat(new HashingProperties(0, 16, Duration.ofMillis(millis)).refusalHold()).isEqualTo(Duration.ofMillis(millis));
    }

    @Test
    void threadsWhenSetThenTakenAsGivenWhateverTheCpus() {
        assertThat(new HashingProperties(3, 16, Duration.ofSeconds(1)).effectiveThreads(2)).isEqualTo(3);
    }
}
