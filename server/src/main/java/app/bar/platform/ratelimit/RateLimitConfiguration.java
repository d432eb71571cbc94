package app.bar.platform.ratelimit;

import app.bar.platform.config.BarProperties;
import app.bar.platform.error.ProblemWriter;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/** Picks the backend (Redis when configured, else in-process) and registers the filter. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** After Spring Security (-100) and the body limit (0): the account is known, headers are set. */
    static final int FILTER_ORDER = 10;

    private final LocalRateLimiter local;

    RateLimitConfiguration(RateLimitProperties properties) {
        this.local = new LocalRateLimiter(properties.maxLocalKeys());
    }

    @Bean
    RateLimiter rateLimiter(ObjectProvider<RedisClient> redis, BarProperties properties) {
        RedisClient client = redis.getIfAvailable();
        return client == null ? local : new RedisRateLimiter(client, properties.redis().namespace(), local);
    }

    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilter(RateLimiter limiter, RateLimitProperties properties,
            ProblemWriter problems, ApplicationEventPublisher events, Clock clock) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(
                new RateLimitFilter(limiter, properties, problems, events, clock));
        registration.setOrder(FILTER_ORDER);
        registration.setEnabled(properties.enabled());
        return registration;
    }

    @Scheduled(fixedDelayString = "PT1M")
    void evictFullLocalBuckets() {
        local.evictFull();
    }
}
