package app.bar.audit;

import static org.assertj.core.api.Assertions.assertThat;

import app.bar.platform.ratelimit.RateLimitExceeded;
import app.bar.support.TestBackends;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ContextConfiguration;

/** The audit module alone: the events it consumes become security events. */
@ApplicationModuleTest
@ContextConfiguration(initializers = TestBackends.class)
class SecurityEventsModuleTests {

    private final JdbcClient jdbc;

    SecurityEventsModuleTests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Test
    void onRateLimitExceededWhenPublishedThenRecordedWithTheRedactedClient(Scenario scenario) {
        String policy = "policy-" + System.nanoTime();
        scenario.publish(new RateLimitExceeded(policy, "203.0.***.***", Instant.now()))
                .andWaitForStateChange(() -> recorded(policy), rows -> !rows.isEmpty())
                .andVerify(rows -> {
                    assertThat(rows).hasSize(1);
                    assertThat(rows.get(0)).containsEntry("type", "rate_limit.exceeded")
                            .containsEntry("client_ip", "203.0.***.***");
                });
    }

    private List<Map<String, Object>> recorded(String policy) {
        return jdbc.sql("select type, client_ip from security_events where detail like :d")
                .param("d", "%\"" + policy + "\"%").query().listOfRows();
    }
}
