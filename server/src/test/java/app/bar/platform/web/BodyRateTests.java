package app.bar.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BodyRateTests {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private long now = 1_000 * SECOND;

    private BodyRate rate() {
        return new BodyRate(1024, 10 * SECOND, () -> now);
    }

    @Test
    void withinTheGraceAnyRateIsAccepted() {
        BodyRate rate = rate();
        now += 9 * SECOND;
        assertThat(rate.read(1)).isTrue();
    }

    @Test
    void afterTheGraceAnAverageBelowTheMinimumIsTooSlow() {
        BodyRate rate = rate();
        now += 11 * SECOND;
        assertThat(rate.read(11 * 1024 - 1)).isFalse();
    }

    @Test
    void afterTheGraceAnAverageAtTheMinimumIsAccepted() {
        BodyRate rate = rate();
        now += 11 * SECOND;
        assertThat(rate.read(11 * 1024)).isTrue();
    }

    @Test
    void aLongLargeUploadAtAGoodRateIsNeverCutHoweverLongItTakes() {
        BodyRate rate = rate();
        for (int second = 0; second < 3_600; second++) {
            now += SECOND;
            assertThat(rate.read(64 * 1024)).isTrue();
        }
    }

    @Test
    void aStallIsForgivenWhileTheAverageStaysAboveTheMinimum() {
        BodyRate rate = rate();
        now += 2 * SECOND;
        assertThat(rate.read(100 * 1024)).isTrue();
        now += 60 * SECOND; // 100 KiB over 62 s is still 1.6 KiB/s
        assertThat(rate.read(1)).isTrue();
    }

    @Test
    void aTrickleOfOneByteEveryFewSecondsIsTooSlowOnceTheGraceEnds() {
        BodyRate rate = rate();
        boolean fast = true;
        for (int i = 0; i < 5 && fast; i++) {
            now += 3 * SECOND;
            fast = rate.read(1);
        }
        assertThat(fast).isFalse();
        assertThat(now - 1_000 * SECOND).isEqualTo(12 * SECOND);
    }

    @Test
    void aMinimumOfZeroTurnsTheRuleOff() {
        BodyRate rate = new BodyRate(0, 0, () -> now);
        now += 3_600 * SECOND;
        assertThat(rate.read(0)).isTrue();
    }
}
