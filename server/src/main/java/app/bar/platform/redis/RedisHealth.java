package app.bar.platform.redis;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * Redis's state on the management port ({@code /actuator/health}, component {@code redis}):
 * {@code UP}, or {@code DEGRADED} while the node runs on its in-process fallback. DEGRADED is not
 * in the health status order, so the overall status stays {@code UP}: it is shown, never a reason
 * to take the node out of service. Not part of {@code /readyz} (issue 11 item 5).
 */
@Component("redisHealthIndicator")
final class RedisHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "in-process rate limits, no revocation notices");

    private final RedisAvailability redis;

    RedisHealth(RedisAvailability redis) {
        this.redis = redis;
    }

    @Override
    public Health health() {
        if (!redis.isConfigured()) {
            return Health.up().withDetail("configured", false).build();
        }
        return redis.isAvailable() ? Health.up().build() : Health.status(DEGRADED).build();
    }
}
