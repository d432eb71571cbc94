package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class SessionRevocationsTests {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private final SessionStatus status = mock(SessionStatus.class);
    private final SteppedClock clock = new SteppedClock();

    @Test
    void isActiveWhenRevokedOnThisNodeThenFalseAtOnceWithoutAsking() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(4));
        when(status.activeUntil("s")).thenReturn(Optional.of(T0.plusSeconds(60)));
        assertThat(revocations.isActive("s")).isTrue();

        revocations.revoked(List.of("s"));

        assertThat(revocations.isActive("s")).isFalse();
        verify(status, times(1)).activeUntil("s");
    }

    @Test
    void isActiveWhenAskedAgainWithinTtlThenCachedAnswer() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(4));
        when(status.activeUntil("s")).thenReturn(Optional.of(T0.plusSeconds(60)));
        revocations.isActive("s");
        revocations.isActive("s");
        verify(status, times(1)).activeUntil("s");
    }

    @Test
    void isActiveWhenTtlZeroThenAlwaysAsksTheDatabase() {
        SessionRevocations revocations = revocations(Duration.ZERO);
        when(status.activeUntil("s")).thenReturn(Optional.of(T0.plusSeconds(60)), Optional.empty());
        assertThat(revocations.isActive("s")).isTrue();
        assertThat(revocations.isActive("s")).isFalse(); // revoked by another node
    }

    @Test
    void isActiveWhenIdleEndPassesWhileCachedThenFalseAtTheEndNotAfterTheTtl() {
        // ASVS 7.3.1 (issue #21 item 2): the idle end is compared with the clock on every request
        SessionRevocations revocations = revocations(Duration.ofSeconds(5));
        when(status.activeUntil("s")).thenReturn(Optional.of(T0.plusSeconds(10)));
        assertThat(revocations.isActive("s")).isTrue();

        clock.now = T0.plusSeconds(10);

        assertThat(revocations.isActive("s")).isFalse();
    }

    @Test
    void isActiveWhenCachedEndPassedButRefreshMovedItThenReadAgainAndTrue() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(5));
        when(status.activeUntil("s")).thenReturn(Optional.of(T0.plusSeconds(10)), Optional.of(T0.plusSeconds(40)));
        assertThat(revocations.isActive("s")).isTrue();

        clock.now = T0.plusSeconds(11); // a refresh on another node moved the idle end to T0 + 40 s

        assertThat(revocations.isActive("s")).isTrue();
        verify(status, times(2)).activeUntil("s");
    }

    @Test
    void isActiveWhenEndHadPassedWhenReadThenFinalWithoutReadingAgain() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(5));
        when(status.activeUntil("s")).thenReturn(Optional.of(T0.minusSeconds(1)));
        clock.now = T0;
        assertThat(revocations.isActive("s")).isFalse();
        assertThat(revocations.isActive("s")).isFalse();
        verify(status, times(1)).activeUntil("s");
    }

    @SuppressWarnings("unchecked")
    private SessionRevocations revocations(Duration ttl) {
        ObjectProvider<RedisClient> redis = mock(ObjectProvider.class);
        JwtProperties jwt = new JwtProperties("k:" + "A".repeat(43), "", "bar-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30));
        return new SessionRevocations(status, new SessionProperties(false, ttl), jwt, AccessTokensTests.bar(), redis, clock);
    }

    /** A clock the test sets. */
    private static final class SteppedClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
