package app.bar.share.owner;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

import app.bar.share.ShareAccessed;
import app.bar.share.ShareEvent;
import app.bar.share.ShareId;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccessLogTests {

    @Test
    void onWhenPublishedOutsideATransactionThenRefusedAndNothingWritten() {
        JdbcClient jdbc = mock(JdbcClient.class);
        AccessLog log = new AccessLog(jdbc);
        ShareEvent event = new ShareAccessed(ShareEvent.newId(), ShareId.random(), null, Instant.now(), null, null, 0);

        // a row written outside would commit without the change it records (or the change without it)
        assertThatThrownBy(() -> log.on(event)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
        verifyNoInteractions(jdbc);
    }
}
