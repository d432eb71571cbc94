package app.bar.platform.ratelimit;

import app.bar.platform.config.BarProperties;
import app.bar.platform.redis.RedisAvailability;
import io.micrometer.core.instrument.MeterRegistry;
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
    RateLimiter rateLimiter(RedisAvailability redis, BarProperties properties, MeterRegistry meters) {
        RateLimiter limiter = redis.isConfigured() ? new RedisRateLimiter(redis, properties.redis().namespace(), local)
                : local;
        return new CountingRateLimiter(limiter, meters);
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictFullLocalBuckets() {
        local.evictFull();
    }
}
