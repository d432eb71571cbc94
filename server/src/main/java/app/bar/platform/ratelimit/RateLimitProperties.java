package app.bar.platform.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The platform's part of {@code bar.rate-limits.*} (DESIGN.md §4): the switch, the
 * {@link RateLimit#standard() standard} policy {@code api} (every API call of anonymous callers,
 * per IP) and the in-process bucket cap. The named policies of the routes (login, share-unlock, …)
 * are bound under the same prefix by the module that owns each route.
 */
@ConfigurationProperties("bar.rate-limits")
public record RateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("600/1h") RatePolicy api,
        @DefaultValue("500000") int maxLocalKeys) {
}
