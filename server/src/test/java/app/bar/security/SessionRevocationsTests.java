package app.bar.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;

class SessionRevocationsTests {

    private final SessionStatus status = mock(SessionStatus.class);

    @Test
    void isActiveWhenRevokedOnThisNodeThenFalseAtOnceWithoutAsking() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(4));
        when(status.isActive("s")).thenReturn(true);
        assertThat(revocations.isActive("s")).isTrue();

        revocations.revoked(List.of("s"));

        assertThat(revocations.isActive("s")).isFalse();
        verify(status, times(1)).isActive("s");
    }

    @Test
    void isActiveWhenAskedAgainWithinTtlThenCachedAnswer() {
        SessionRevocations revocations = revocations(Duration.ofSeconds(4));
        when(status.isActive("s")).thenReturn(true);
        revocations.isActive("s");
        revocations.isActive("s");
        verify(status, times(1)).isActive("s");
    }

    @Test
    void isActiveWhenTtlZeroThenAlwaysAsksTheDatabase() {
        SessionRevocations revocations = revocations(Duration.ZERO);
        when(status.isActive("s")).thenReturn(true, false);
        assertThat(revocations.isActive("s")).isTrue();
        assertThat(revocations.isActive("s")).isFalse(); // revoked by another node
    }

    @SuppressWarnings("unchecked")
    private SessionRevocations revocations(Duration ttl) {
        ObjectProvider<RedisClient> redis = mock(ObjectProvider.class);
        JwtProperties jwt = new JwtProperties("k:" + "A".repeat(43), "", "bar-api", Duration.ofMinutes(15),
                Duration.ofSeconds(30));
        return new SessionRevocations(status, new SessionProperties(false, ttl), jwt, AccessTokensTests.bar(), redis);
    }
}
