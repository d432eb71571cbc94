package app.bar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.support.BarIntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #2 item 12, ASVS 16.2.1: an event is a row (who, what, when, where), a log line and a counter. */
@BarIntegrationTest
class SecurityEventsIT {

    @Autowired
    SecurityEvents events;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry meters;

    @Test
    void recordWhenCalledThenStoredCountedAndDetailRedacted() {
        String actor = "actor-" + System.nanoTime();
        double before = meters.counter("bar.security.events", "type", "login.failed").count();
        events.record(SecurityEventType.LOGIN_FAILED, actor, Map.of("email", "jane.roe@example.com", "from", "203.0.113.9"));

        Map<String, Object> row = jdbc.sql("select type, detail, occurred_at, request_id from security_events where actor_id = :a")
                .param("a", actor).query().singleRow();
        assertThat(row.get("type")).isEqualTo("login.failed");
        assertThat(row.get("occurred_at")).isNotNull();
        assertThat((String) row.get("detail")).contains("j***@example.com", "203.0.***.***")
                .doesNotContain("jane.roe", "113.9");
        assertThat(meters.counter("bar.security.events", "type", "login.failed").count()).isEqualTo(before + 1);
    }
}
