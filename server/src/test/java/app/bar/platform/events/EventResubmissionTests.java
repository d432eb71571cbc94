package app.bar.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.events.EventPublication;

class EventResubmissionTests {

    private static final Duration AFTER = Duration.ofMinutes(2);
    private static final Instant PUBLISHED = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void isDueWhenNeverResubmittedThenAfterRetryAfterSincePublication() {
        EventPublication p = publication(1, null);
        assertThat(EventResubmission.isDue(p, AFTER, PUBLISHED.plus(AFTER).minusSeconds(1))).isFalse();
        assertThat(EventResubmission.isDue(p, AFTER, PUBLISHED.plus(AFTER))).isTrue();
    }

    @Test
    void isDueWhenResubmittedBeforeThenWaitDoublesPerAttempt() {
        Instant last = PUBLISHED.plus(Duration.ofHours(1));
        EventPublication third = publication(3, last); // waited 1×, then 2×: now 4×
        assertThat(EventResubmission.isDue(third, AFTER, last.plus(AFTER.multipliedBy(4)).minusSeconds(1))).isFalse();
        assertThat(EventResubmission.isDue(third, AFTER, last.plus(AFTER.multipliedBy(4)))).isTrue();
    }

    @Test
    void isDueWhenManyAttemptsThenWaitCappedAtThirtyTwoTimes() {
        Instant last = PUBLISHED.plus(Duration.ofDays(1));
        EventPublication failing = publication(40, last);
        assertThat(EventResubmission.isDue(failing, AFTER, last.plus(AFTER.multipliedBy(32)))).isTrue();
    }

    private static EventPublication publication(int attempts, @Nullable Instant lastResubmission) {
        EventPublication p = mock(EventPublication.class);
        when(p.getPublicationDate()).thenReturn(PUBLISHED);
        when(p.getCompletionAttempts()).thenReturn(attempts);
        when(p.getLastResubmissionDate()).thenReturn(lastResubmission);
        return p;
    }
}
