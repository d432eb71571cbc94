package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import app.bar.platform.redis.RedisAvailability;
import bartest.share.ShareTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionRevocationsTests {

    private final SessionStatus status = mock(SessionStatus.class);
    private final ShareTestSupport.MovableClock clock = new ShareTestSupport.MovableClock();
    private final Instant t0 = clock.instant();

    @Test
    void isActiveWhenRevokedOnThisNodeThenFalseAtOnceWithoutAsking() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(4));
        when(status.activeUntil("s")).thenReturn(Optional.of(t0.plusSeconds(60)));
        assertThat(revocations.isActive("s")).isTrue();

        revocations.revoked(List.of("s"));

        assertThat(revocations.isActive("s")).isFalse();
        verify(status, times(1)).activeUntil("s");
    }

    @Test
    void isActiveWhenAskedAgainWithinTtlThenCachedAnswer() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(4));
        when(status.activeUntil("s")).thenReturn(Optional.of(t0.plusSeconds(60)));
        revocations.isActive("s");
        revocations.isActive("s");
        verify(status, times(1)).activeUntil("s");
    }

    @Test
    void isActiveWhenTtlZeroThenAlwaysAsksTheDatabase() {
        SessionRevocations revocations = revocations(Duration.ZERO);
        when(status.activeUntil("s")).thenReturn(Optional.of(t0.plusSeconds(60)), Optional.empty());
        assertThat(revocations.isActive("s")).isTrue();
        assertThat(revocations.isActive("s")).isFalse(); // revoked by another node
    }

    @Test
    void isActiveWhenIdleEndPassesWhileCachedThenFalseAtTheEndNotAfterTheTtl() {
        // ASVS 7.3.1 (issue #21 item 2): the idle end is compared with the clock on every request
        SessionRevocations revocations = revocations(Duration.ofSeconds(5));
        when(status.activeUntil("s")).thenReturn(Optional.of(t0.plusSeconds(10)));
        assertThat(revocations.isActive("s")).isTrue();

        clock.advance(Duration.ofSeconds(10));

        assertThat(revocations.isActive("s")).isFalse();
    }

    @Test
    void isActiveWhenCachedEndPassedButRefreshMovedItThenReadAgainAndTrue() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(5));
        when(status.activeUntil("s")).thenReturn(Optional.of(t0.plusSeconds(10)), Optional.of(t0.plusSeconds(40)));
        assertThat(revocations.isActive("s")).isTrue();

        clock.advance(Duration.ofSeconds(11)); // a refresh on another node moved the idle end to t0 + 40 s

        assertThat(revocations.isActive("s")).isTrue();
        verify(status, times(2)).activeUntil("s");
    }

    @Test
    void isActiveWhenEndHadPassedWhenReadThenFinalWithoutReadingAgain() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(5));
        when(status.activeUntil("s")).thenReturn(Optional.of(t0.minusSeconds(1)));
        assertThat(revocations.isActive("s")).isFalse();
        assertThat(revocations.isActive("s")).isFalse();
        verify(status, times(1)).activeUntil("s");
    }

    private SessionRevocations revocations(Duration ttl) {
        RedisAvailability redis = mock(RedisAvailability.class); // not configured
        JwtProperties jwt = new JwtProperties("k:" + "A".repeat(43), "", "bar-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30));
        return new SessionRevocations(status, new SessionProperties(false, ttl), jwt, AccessTokensTests.bar(), redis, clock);
    }
}
