package app.bar.share.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import app.bar.audit.SecurityEvents;
import app.bar.share.TestShareProperties;
import app.bar.share.core.ShareRepository;
import app.bar.share.lifecycle.ShareShredder;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

class BruteForceGuardTests {

    private final BruteForceGuard guard = new BruteForceGuard(mock(ShareRepository.class), mock(ShareShredder.class),
            mock(SecurityEvents.class), mock(ApplicationEventPublisher.class), mock(TransactionTemplate.class),
            TestShareProperties.defaults(true),
            Clock.systemUTC());

    @Test
    void delayAfterWhenFailuresGrowThenDoublesUpToThirtySeconds() {
        assertThat(guard.delayAfter(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(guard.delayAfter(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(guard.delayAfter(3)).isEqualTo(Duration.ofSeconds(4));
        assertThat(guard.delayAfter(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(guard.delayAfter(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(guard.delayAfter(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(guard.delayAfter(60)).isEqualTo(Duration.ofSeconds(30));
    }
}
