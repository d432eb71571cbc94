package app.bar.platform.ratelimit;

import app.bar.platform.config.BarProperties;
import io.lettuce.core.RedisClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Picks the backend (Redis when configured, else in-process). The filter that applies each
 * route's {@link RateLimit} is in {@code platform.web}, beside the route table.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    private final LocalRateLimiter local;

    RateLimitConfiguration(RateLimitProperties properties) {
        this.local = new LocalRateLimiter(properties.maxLocalKeys());
    }

    @Bean
    RateLimiter rateLimiter(ObjectProvider<RedisClient> redis, BarProperties properties) {
        RedisClient client = redis.getIfAvailable();
        return client == null ? local : new RedisRateLimiter(client, properties.redis().namespace(), local);
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictFullLocalBuckets() {
        local.evictFull();
    }
}
