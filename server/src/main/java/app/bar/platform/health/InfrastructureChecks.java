package app.bar.platform.health;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Readiness of what the platform itself connects to: the database and, when configured, Redis. */
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

    @Bean
    ReadinessCheck redisReadiness(ObjectProvider<RedisClient> redis) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return "redis";
            }

            @Override
            public boolean isReady() {
                RedisClient client = redis.getIfAvailable();
                if (client == null) {
                    return true; // not configured: in-process limits, nothing to wait for
                }
                try (StatefulRedisConnection<String, String> connection = client.connect()) {
                    return "PONG".equals(connection.sync().ping());
                }
            }
        };
    }
}
