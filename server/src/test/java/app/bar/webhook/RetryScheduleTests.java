package app.bar.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    private final Instant created = Instant.parse("2026-11-01T00:00:00Z");

    @Test
    void delayAfterWhenFailuresGrowThenDoublesUpToTheCap() {
        RetrySchedule noJitter = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
                bound -> bound - 1); // the top of the range: the whole back-off
        assertThat(noJitter.delayAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(noJitter.delayAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(noJitter.delayAfter(5)).isEqualTo(Duration.ofSeconds(160));
        assertThat(noJitter.delayAfter(12)).isEqualTo(Duration.ofHours(1));
        assertThat(noJitter.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void delayAfterWhenJitteredThenBetweenHalfAndWholeBackOff() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24));
        for (int i = 0; i < 200; i++) {
            assertThat(schedule.delayAfter(3)).isBetween(Duration.ofSeconds(20), Duration.ofSeconds(40));
        }
    }

    @Test
    void nextWhenPastTheHorizonThenDead() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
                bound -> 0);
        assertThat(schedule.next(created, 1, created.plusSeconds(1))).contains(created.plusSeconds(6));
        assertThat(schedule.next(created, 30, created.plus(Duration.ofHours(23)).plusSeconds(1900))).isEmpty();
    }

    @Test
    void nextWhenRetriedForADayThenAboutThirtyAttempts() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofSeconds(10), Duration.ofHours(1), Duration.ofHours(24),
                bound -> bound - 1);
        Instant now = created;
        int attempts = 1;
        while (true) {
            var next = schedule.next(created, attempts, now);
            if (next.isEmpty()) {
                break;
            }
            now = next.get();
            attempts++;
        }
        assertThat(attempts).isBetween(25, 40);
        assertThat(now).isBefore(created.plus(Duration.ofHours(24)).plusSeconds(1));
    }
}
