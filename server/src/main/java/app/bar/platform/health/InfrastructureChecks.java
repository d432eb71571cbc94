package app.bar.platform.health;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Readiness of what the platform itself connects to: the database. Not Redis (issue 11 item 5): a
 * node without Redis still serves, on in-process rate limits, so a Redis outage must not take every
 * node out of a load balancer; its state is on the management port ({@code /actuator/health}'s
 * {@code redis} component, {@code bar_redis_available}).
 */
@Configuration(proxyBeanMethods = false)
class InfrastructureChecks {

    @Bean
    ReadinessCheck databaseReadiness(JdbcClient jdbc) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "database";
            }

            @Override
            public boolean isReady() {
                return jdbc.sql("select 1").query(Integer.class).single() == 1;
            }
        };
    }
}
