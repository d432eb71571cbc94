package app.bar.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Spring Modulith's event publication registry (table {@code event_publication}) as tests see it.
 * A publication is stored with the change that published its event and deleted once its
 * {@code @ApplicationModuleListener} committed, so "none left for this share" means every module
 * that reacts to the share's events has done so: assert what they did after that, or that they
 * did nothing.
 */
public final class EventPublications {

    private EventPublications() {
    }

    /** Waits until no incomplete publication's event mentions {@code marker} (a share or account id). */
    public static void awaitSettled(JdbcClient jdbc, String marker) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(incomplete(jdbc, marker))
                .as("incomplete event publications mentioning the id").isZero());
    }

    /** Publications not yet completed whose serialized event mentions {@code marker}. */
    public static int incomplete(JdbcClient jdbc, String marker) {
        return jdbc.sql("select count(*) from event_publication where serialized_event like :pattern")
                .param("pattern", "%" + marker + "%").query(Integer.class).single();
    }
}
